using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace CpsSupport.Data.Migrations
{
    /// <inheritdoc />
    public partial class Ticketing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "ix_tickets_structure_id",
                table: "tickets",
                newName: "ix_tickets_structure");

            migrationBuilder.RenameIndex(
                name: "ix_tickets_person_id",
                table: "tickets",
                newName: "ix_tickets_person");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,");

            // French stemming after unaccent: generated tsvector columns below need this configuration to exist.
            migrationBuilder.Sql("""
                CREATE TEXT SEARCH CONFIGURATION cps_french (COPY = pg_catalog.french);
                ALTER TEXT SEARCH CONFIGURATION cps_french ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
                """);

            migrationBuilder.CreateSequence(
                name: "ticket_number_seq");

            migrationBuilder.AlterColumn<string>(
                name: "category",
                table: "tickets",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Other",
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40,
                oldNullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "closed_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "escalated_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "first_responded_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "first_response_due_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_activity_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<Guid>(
                name: "merged_into_id",
                table: "tickets",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "priority",
                table: "tickets",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "queue_id",
                table: "tickets",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "requester_capacity",
                table: "tickets",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "requester_email",
                table: "tickets",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "requester_name",
                table: "tickets",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "requester_phone",
                table: "tickets",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "resolution_due_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "resolution_remaining",
                table: "tickets",
                type: "interval",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "resolved_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "tickets",
                type: "tsvector",
                nullable: false)
                .Annotation("Npgsql:TsVectorConfig", "cps_french")
                .Annotation("Npgsql:TsVectorProperties", new[] { "number", "subject", "requester_name", "requester_email" });

            migrationBuilder.AddColumn<List<string>>(
                name: "tags",
                table: "tickets",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "tickets",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "ticket_messages",
                type: "tsvector",
                nullable: false)
                .Annotation("Npgsql:TsVectorConfig", "cps_french")
                .Annotation("Npgsql:TsVectorProperties", new[] { "body" });

            migrationBuilder.CreateTable(
                name: "kb_articles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    archived = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false)
                        .Annotation("Npgsql:TsVectorConfig", "cps_french")
                        .Annotation("Npgsql:TsVectorProperties", new[] { "title", "body" })
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kb_articles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sla_targets",
                columns: table => new
                {
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    first_response_hours = table.Column<double>(type: "double precision", nullable: false),
                    resolution_hours = table.Column<double>(type: "double precision", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sla_targets", x => x.category);
                });

            migrationBuilder.CreateTable(
                name: "stored_files",
                columns: table => new
                {
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stored_files", x => x.sha256);
                });

            migrationBuilder.CreateTable(
                name: "ticket_cards",
                columns: table => new
                {
                    ticket_id = table.Column<Guid>(type: "uuid", nullable: false),
                    card_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_cards", x => new { x.ticket_id, x.card_id });
                    table.ForeignKey(
                        name: "fk_ticket_cards_cards_card_id",
                        column: x => x.card_id,
                        principalTable: "cards",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ticket_cards_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ticket_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ticket_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    from_state = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    to_state = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    related_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_ticket_events_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ticket_links",
                columns: table => new
                {
                    ticket_id = table.Column<Guid>(type: "uuid", nullable: false),
                    other_ticket_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_links", x => new { x.ticket_id, x.other_ticket_id });
                    table.ForeignKey(
                        name: "fk_ticket_links_tickets_other_ticket_id",
                        column: x => x.other_ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ticket_links_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ticket_queues",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_queues", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ticket_viewers",
                columns: table => new
                {
                    ticket_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_viewers", x => new { x.ticket_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_ticket_viewers_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kb_article_revisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    article_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    edited_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    edited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kb_article_revisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_kb_article_revisions_kb_articles_article_id",
                        column: x => x.article_id,
                        principalTable: "kb_articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_assignee_due",
                table: "tickets",
                columns: new[] { "assignee_id", "resolution_due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_merged_into_id",
                table: "tickets",
                column: "merged_into_id");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_number",
                table: "tickets",
                column: "number")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_queue_due",
                table: "tickets",
                columns: new[] { "queue_id", "resolution_due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_requester_email",
                table: "tickets",
                column: "requester_email")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_resolution_due_at",
                table: "tickets",
                column: "resolution_due_at",
                filter: "state NOT IN ('Resolved', 'Closed') AND merged_into_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_search",
                table: "tickets",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_tags",
                table: "tickets",
                column: "tags")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_messages_search",
                table: "ticket_messages",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ux_kb_article_revisions_article_revision",
                table: "kb_article_revisions",
                columns: new[] { "article_id", "revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kb_articles_search",
                table: "kb_articles",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ux_kb_articles_slug",
                table: "kb_articles",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ticket_cards_card",
                table: "ticket_cards",
                column: "card_id");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_events_ticket_at",
                table: "ticket_events",
                columns: new[] { "ticket_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_ticket_links_other",
                table: "ticket_links",
                column: "other_ticket_id");

            migrationBuilder.CreateIndex(
                name: "ux_ticket_queues_name",
                table: "ticket_queues",
                column: "name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_attachments_stored_files_sha256",
                table: "attachments",
                column: "sha256",
                principalTable: "stored_files",
                principalColumn: "sha256",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_tickets_ticket_queues_queue_id",
                table: "tickets",
                column: "queue_id",
                principalTable: "ticket_queues",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_tickets_tickets_merged_into_id",
                table: "tickets",
                column: "merged_into_id",
                principalTable: "tickets",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_tickets_users_assignee_id",
                table: "tickets",
                column: "assignee_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_attachments_stored_files_sha256",
                table: "attachments");

            migrationBuilder.DropForeignKey(
                name: "fk_tickets_ticket_queues_queue_id",
                table: "tickets");

            migrationBuilder.DropForeignKey(
                name: "fk_tickets_tickets_merged_into_id",
                table: "tickets");

            migrationBuilder.DropForeignKey(
                name: "fk_tickets_users_assignee_id",
                table: "tickets");

            migrationBuilder.DropTable(
                name: "kb_article_revisions");

            migrationBuilder.DropTable(
                name: "sla_targets");

            migrationBuilder.DropTable(
                name: "stored_files");

            migrationBuilder.DropTable(
                name: "ticket_cards");

            migrationBuilder.DropTable(
                name: "ticket_events");

            migrationBuilder.DropTable(
                name: "ticket_links");

            migrationBuilder.DropTable(
                name: "ticket_queues");

            migrationBuilder.DropTable(
                name: "ticket_viewers");

            migrationBuilder.DropTable(
                name: "kb_articles");

            migrationBuilder.DropIndex(
                name: "ix_tickets_assignee_due",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_merged_into_id",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_number",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_queue_due",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_requester_email",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_resolution_due_at",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_search",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_tags",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_ticket_messages_search",
                table: "ticket_messages");

            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "escalated_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "first_responded_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "first_response_due_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "last_activity_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "merged_into_id",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "priority",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "queue_id",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "requester_capacity",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "requester_email",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "requester_name",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "requester_phone",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "resolution_due_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "resolution_remaining",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "resolved_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "tags",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "ticket_messages");

            migrationBuilder.DropSequence(
                name: "ticket_number_seq");

            migrationBuilder.RenameIndex(
                name: "ix_tickets_structure",
                table: "tickets",
                newName: "ix_tickets_structure_id");

            migrationBuilder.RenameIndex(
                name: "ix_tickets_person",
                table: "tickets",
                newName: "ix_tickets_person_id");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:unaccent", ",,");

            migrationBuilder.AlterColumn<string>(
                name: "category",
                table: "tickets",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION IF EXISTS cps_french;");
        }
    }
}
