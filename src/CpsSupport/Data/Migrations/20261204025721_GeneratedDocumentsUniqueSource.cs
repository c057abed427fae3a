using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CpsSupport.Data.Migrations
{
    /// <inheritdoc />
    public partial class GeneratedDocumentsUniqueSource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ux_generated_documents_request_source",
                table: "generated_documents",
                columns: new[] { "request_id", "template", "source_sha256" },
                unique: true,
                filter: "request_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_generated_documents_ticket_source",
                table: "generated_documents",
                columns: new[] { "ticket_id", "template", "source_sha256" },
                unique: true,
                filter: "request_id IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_generated_documents_request_source",
                table: "generated_documents");

            migrationBuilder.DropIndex(
                name: "ux_generated_documents_ticket_source",
                table: "generated_documents");
        }
    }
}
