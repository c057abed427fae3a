using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CpsSupport.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "ix_tickets_resolution_due_at",
                table: "tickets",
                newName: "ix_tickets_open_due");

            migrationBuilder.RenameIndex(
                name: "ix_tickets_requester_email",
                table: "tickets",
                newName: "ix_tickets_requester_email_trgm");

            migrationBuilder.RenameIndex(
                name: "ix_tickets_number",
                table: "tickets",
                newName: "ix_tickets_number_trgm");

            migrationBuilder.CreateIndex(
                name: "ix_structures_name_trgm",
                table: "structures",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_structures_siren",
                table: "structures",
                column: "siren");

            migrationBuilder.CreateIndex(
                name: "ix_people_first_name_trgm",
                table: "people",
                column: "first_name")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_people_last_name_trgm",
                table: "people",
                column: "last_name")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_cards_serial_number_pattern",
                table: "cards",
                column: "serial_number")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_structures_name_trgm",
                table: "structures");

            migrationBuilder.DropIndex(
                name: "ix_structures_siren",
                table: "structures");

            migrationBuilder.DropIndex(
                name: "ix_people_first_name_trgm",
                table: "people");

            migrationBuilder.DropIndex(
                name: "ix_people_last_name_trgm",
                table: "people");

            migrationBuilder.DropIndex(
                name: "ix_cards_serial_number_pattern",
                table: "cards");

            migrationBuilder.RenameIndex(
                name: "ix_tickets_requester_email_trgm",
                table: "tickets",
                newName: "ix_tickets_requester_email");

            migrationBuilder.RenameIndex(
                name: "ix_tickets_open_due",
                table: "tickets",
                newName: "ix_tickets_resolution_due_at");

            migrationBuilder.RenameIndex(
                name: "ix_tickets_number_trgm",
                table: "tickets",
                newName: "ix_tickets_number");
        }
    }
}
