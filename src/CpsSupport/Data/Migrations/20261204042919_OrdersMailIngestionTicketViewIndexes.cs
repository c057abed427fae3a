using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CpsSupport.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrdersMailIngestionTicketViewIndexes : Migration
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

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "requester_email_failing_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "html",
                table: "ticket_messages",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "email_failing_at",
                table: "people",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "inbound_mails",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dedupe_key = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    message_id = table.Column<string>(type: "character varying(998)", maxLength: 998, nullable: true),
                    raw_sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    from_address = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_ref = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    error = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ticket_id = table.Column<Guid>(type: "uuid", nullable: true),
                    acknowledgement_queued = table.Column<bool>(type: "boolean", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbound_mails", x => x.id);
                    table.ForeignKey(
                        name: "fk_inbound_mails_stored_files_raw_sha256",
                        column: x => x.raw_sha256,
                        principalTable: "stored_files",
                        principalColumn: "sha256",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inbound_mails_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "mailbox_states",
                columns: table => new
                {
                    source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    last_fetch_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_success_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    backlog = table.Column<int>(type: "integer", nullable: false),
                    last_fetch_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mailbox_states", x => x.source);
                });

            migrationBuilder.CreateTable(
                name: "order_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    card_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    national_id_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    national_id = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    profession = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    card_id = table.Column<Guid>(type: "uuid", nullable: true),
                    expected_on = table.Column<DateOnly>(type: "date", nullable: true),
                    codes_expected_on = table.Column<DateOnly>(type: "date", nullable: true),
                    validated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    manufactured_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    shipped_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    codes_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    activated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rejected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rejection_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_order_lines_cards_card_id",
                        column: x => x.card_id,
                        principalTable: "cards",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_order_lines_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_order_lines_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateIndex(
                name: "ix_inbound_mails_message_id",
                table: "inbound_mails",
                column: "message_id");

            migrationBuilder.CreateIndex(
                name: "ix_inbound_mails_raw_sha256",
                table: "inbound_mails",
                column: "raw_sha256");

            migrationBuilder.CreateIndex(
                name: "ix_inbound_mails_status_next_attempt",
                table: "inbound_mails",
                columns: new[] { "status", "next_attempt_at" },
                filter: "status = 'Quarantined'");

            migrationBuilder.CreateIndex(
                name: "ix_inbound_mails_ticket_id",
                table: "inbound_mails",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ux_inbound_mails_dedupe_key",
                table: "inbound_mails",
                column: "dedupe_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_order_lines_card",
                table: "order_lines",
                column: "card_id");

            migrationBuilder.CreateIndex(
                name: "ix_order_lines_national_id",
                table: "order_lines",
                column: "national_id");

            migrationBuilder.CreateIndex(
                name: "ix_order_lines_person",
                table: "order_lines",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_order_lines_status",
                table: "order_lines",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ux_order_lines_request_position",
                table: "order_lines",
                columns: new[] { "request_id", "position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbound_mails");

            migrationBuilder.DropTable(
                name: "mailbox_states");

            migrationBuilder.DropTable(
                name: "order_lines");

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

            migrationBuilder.DropColumn(
                name: "requester_email_failing_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "html",
                table: "ticket_messages");

            migrationBuilder.DropColumn(
                name: "email_failing_at",
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
