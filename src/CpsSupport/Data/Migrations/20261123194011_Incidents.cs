using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CpsSupport.Data.Migrations
{
    /// <inheritdoc />
    public partial class Incidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "ix_requests_ticket_id",
                table: "requests",
                newName: "ix_requests_ticket");

            migrationBuilder.CreateSequence(
                name: "card_serial_seq",
                startValue: 50000001L);

            migrationBuilder.CreateSequence(
                name: "request_number_seq");

            migrationBuilder.AddColumn<string>(
                name: "capacity",
                table: "requests",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                // Requests filed before this migration: capacity unknown, channel the PDF form by mail.
                defaultValue: "Other");

            migrationBuilder.AddColumn<Guid>(
                name: "card_id",
                table: "requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "channel",
                table: "requests",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Mail");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "closed_at",
                table: "requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "complete_file_received_on",
                table: "requests",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "declarant_name",
                table: "requests",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "declarant_person_id",
                table: "requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "deduplication_key",
                table: "requests",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "requests",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_reminder_at",
                table: "requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "missing_pieces",
                table: "requests",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "pieces_requested_at",
                table: "requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rejection_reason",
                table: "requests",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "reminder_count",
                table: "requests",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "requests",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<DateOnly>(
                name: "radiated_on",
                table: "people",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "codes_expected_on",
                table: "cards",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "expected_on",
                table: "cards",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "opposition_request_id",
                table: "cards",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ordered_by_request_id",
                table: "cards",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "replaces_card_id",
                table: "cards",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "return_requested_at",
                table: "cards",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "shipment_flag",
                table: "cards",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "shipment_flagged_at",
                table: "cards",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "cards",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "card_certificates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    card_id = table.Column<Guid>(type: "uuid", nullable: false),
                    serial_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    usage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revocation_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_card_certificates", x => x.id);
                    table.ForeignKey(
                        name: "fk_card_certificates_cards_card_id",
                        column: x => x.card_id,
                        principalTable: "cards",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pin_letters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    card_id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    send_on = table.Column<DateOnly>(type: "date", nullable: false),
                    to_line1 = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    to_line2 = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    to_postal_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    to_city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    to_country = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pin_letters", x => x.id);
                    table.ForeignKey(
                        name: "fk_pin_letters_cards_card_id",
                        column: x => x.card_id,
                        principalTable: "cards",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_pin_letters_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "request_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    from_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    to_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    related_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_request_events_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "technical_administrators",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_technical_administrators", x => x.id);
                    table.ForeignKey(
                        name: "fk_technical_administrators_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_technical_administrators_structures_structure_id",
                        column: x => x.structure_id,
                        principalTable: "structures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_requests_card",
                table: "requests",
                column: "card_id");

            migrationBuilder.CreateIndex(
                name: "ix_requests_declarant",
                table: "requests",
                column: "declarant_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_requests_deduplication_key",
                table: "requests",
                column: "deduplication_key");

            migrationBuilder.CreateIndex(
                name: "ix_requests_missing_pieces",
                table: "requests",
                column: "pieces_requested_at",
                filter: "status = 'MissingPieces'");

            migrationBuilder.CreateIndex(
                name: "ix_cards_opposed",
                table: "cards",
                column: "opposed_at",
                filter: "status = 'Opposed'");

            migrationBuilder.CreateIndex(
                name: "ix_cards_opposition_request",
                table: "cards",
                column: "opposition_request_id");

            migrationBuilder.CreateIndex(
                name: "ix_cards_ordered_by_request",
                table: "cards",
                column: "ordered_by_request_id");

            migrationBuilder.CreateIndex(
                name: "ix_cards_replaces_card",
                table: "cards",
                column: "replaces_card_id");

            migrationBuilder.CreateIndex(
                name: "ix_card_certificates_card",
                table: "card_certificates",
                column: "card_id");

            migrationBuilder.CreateIndex(
                name: "ux_card_certificates_serial_number",
                table: "card_certificates",
                column: "serial_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pin_letters_card_send_on",
                table: "pin_letters",
                columns: new[] { "card_id", "send_on" });

            migrationBuilder.CreateIndex(
                name: "ix_pin_letters_request",
                table: "pin_letters",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_request_events_request_at",
                table: "request_events",
                columns: new[] { "request_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_technical_administrators_person",
                table: "technical_administrators",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_technical_administrators_structure_person",
                table: "technical_administrators",
                columns: new[] { "structure_id", "person_id" });

            migrationBuilder.AddForeignKey(
                name: "fk_cards_cards_replaces_card_id",
                table: "cards",
                column: "replaces_card_id",
                principalTable: "cards",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_cards_requests_opposition_request_id",
                table: "cards",
                column: "opposition_request_id",
                principalTable: "requests",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_cards_requests_ordered_by_request_id",
                table: "cards",
                column: "ordered_by_request_id",
                principalTable: "requests",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_requests_cards_card_id",
                table: "requests",
                column: "card_id",
                principalTable: "cards",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_requests_people_declarant_person_id",
                table: "requests",
                column: "declarant_person_id",
                principalTable: "people",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_cards_cards_replaces_card_id",
                table: "cards");

            migrationBuilder.DropForeignKey(
                name: "fk_cards_requests_opposition_request_id",
                table: "cards");

            migrationBuilder.DropForeignKey(
                name: "fk_cards_requests_ordered_by_request_id",
                table: "cards");

            migrationBuilder.DropForeignKey(
                name: "fk_requests_cards_card_id",
                table: "requests");

            migrationBuilder.DropForeignKey(
                name: "fk_requests_people_declarant_person_id",
                table: "requests");

            migrationBuilder.DropTable(
                name: "card_certificates");

            migrationBuilder.DropTable(
                name: "pin_letters");

            migrationBuilder.DropTable(
                name: "request_events");

            migrationBuilder.DropTable(
                name: "technical_administrators");

            migrationBuilder.DropIndex(
                name: "ix_requests_card",
                table: "requests");

            migrationBuilder.DropIndex(
                name: "ix_requests_declarant",
                table: "requests");

            migrationBuilder.DropIndex(
                name: "ix_requests_deduplication_key",
                table: "requests");

            migrationBuilder.DropIndex(
                name: "ix_requests_missing_pieces",
                table: "requests");

            migrationBuilder.DropIndex(
                name: "ix_cards_opposed",
                table: "cards");

            migrationBuilder.DropIndex(
                name: "ix_cards_opposition_request",
                table: "cards");

            migrationBuilder.DropIndex(
                name: "ix_cards_ordered_by_request",
                table: "cards");

            migrationBuilder.DropIndex(
                name: "ix_cards_replaces_card",
                table: "cards");

            migrationBuilder.DropColumn(
                name: "capacity",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "card_id",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "channel",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "complete_file_received_on",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "declarant_name",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "declarant_person_id",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "deduplication_key",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "last_reminder_at",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "missing_pieces",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "pieces_requested_at",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "rejection_reason",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "reminder_count",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "radiated_on",
                table: "people");

            migrationBuilder.DropColumn(
                name: "codes_expected_on",
                table: "cards");

            migrationBuilder.DropColumn(
                name: "expected_on",
                table: "cards");

            migrationBuilder.DropColumn(
                name: "opposition_request_id",
                table: "cards");

            migrationBuilder.DropColumn(
                name: "ordered_by_request_id",
                table: "cards");

            migrationBuilder.DropColumn(
                name: "replaces_card_id",
                table: "cards");

            migrationBuilder.DropColumn(
                name: "return_requested_at",
                table: "cards");

            migrationBuilder.DropColumn(
                name: "shipment_flag",
                table: "cards");

            migrationBuilder.DropColumn(
                name: "shipment_flagged_at",
                table: "cards");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "cards");

            migrationBuilder.DropSequence(
                name: "card_serial_seq");

            migrationBuilder.DropSequence(
                name: "request_number_seq");

            migrationBuilder.RenameIndex(
                name: "ix_requests_ticket",
                table: "requests",
                newName: "ix_requests_ticket_id");
        }
    }
}
