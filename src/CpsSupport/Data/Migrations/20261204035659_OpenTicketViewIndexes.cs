using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CpsSupport.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpenTicketViewIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tickets_assignee_due",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_queue_due",
                table: "tickets");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_open_assignee_due",
                table: "tickets",
                columns: new[] { "assignee_id", "resolution_due_at" },
                filter: "state NOT IN ('Resolved', 'Closed') AND merged_into_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_open_queue_due",
                table: "tickets",
                columns: new[] { "queue_id", "resolution_due_at" },
                filter: "state NOT IN ('Resolved', 'Closed') AND merged_into_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_waiting",
                table: "tickets",
                columns: new[] { "resolution_due_at", "id" },
                filter: "state = 'WaitingForRequester' AND merged_into_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_people_email_trgm",
                table: "people",
                column: "email")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tickets_open_assignee_due",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_open_queue_due",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_waiting",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_people_email_trgm",
                table: "people");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_assignee_due",
                table: "tickets",
                columns: new[] { "assignee_id", "resolution_due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_queue_due",
                table: "tickets",
                columns: new[] { "queue_id", "resolution_due_at" });
        }
    }
}
