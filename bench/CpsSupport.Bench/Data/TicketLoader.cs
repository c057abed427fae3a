using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace CpsSupport.Bench.Data;

/// <summary>
/// The ticket desk's data set, generated inside PostgreSQL by <c>tickets.sql</c> on top of the loaded registry:
/// tickets about the registry's cards and people, their messages, events, card links and attachments. Kept between
/// runs: the row of <c>bench_dataset</c> (written last) says which generator version and volume the database holds.
/// The schema comes from the migrations; secondary indexes are dropped around the bulk insert and rebuilt from their
/// own definitions, so they stay those of the migrations.
/// </summary>
public static partial class TicketLoader
{
    /// <summary>Bump when tickets.sql changes, so that existing databases are regenerated.</summary>
    public const int GeneratorVersion = 1;
    public const int DefaultTickets = 1_000_000;
    /// <summary>Tickets holding <see cref="HeavyMessages"/> messages each (the long-running ones the detail benchmark opens).</summary>
    public const int HeavyTickets = 50;
    public const int HeavyMessages = 200;
    private const int Agents = 40;
    private const int Days = 1095;
    private const int Parts = 2;
    private static readonly string[] Tables = ["tickets", "ticket_messages", "ticket_events", "ticket_cards", "attachments"];

    /// <summary>Generates the tickets unless the database already holds this version and volume; returns the marker's details.</summary>
    public static async Task<string> EnsureAsync(string connectionString, int tickets, TextWriter log, CancellationToken ct = default)
    {
        var key = $"tickets v{GeneratorVersion} tickets={tickets} heavy={HeavyTickets}x{HeavyMessages} agents={Agents} days={Days}";
        await using (var connection = await OpenAsync(connectionString, ct))
        {
            await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS bench_dataset (name text PRIMARY KEY, key text NOT NULL, details text NOT NULL)", ct);
            await using var command = new NpgsqlCommand("SELECT key, details FROM bench_dataset WHERE name = 'tickets'", connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct) && reader.GetString(0) == key)
            {
                log.WriteLine($"Reusing the generated tickets ({key})");
                return reader.GetString(1);
            }
        }
        return await GenerateAsync(connectionString, tickets, key, log, ct);
    }

    private static async Task<string> GenerateAsync(string connectionString, int tickets, string key, TextWriter log, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        var timings = new List<string>();
        var sections = Sections(Script(tickets));
        await using var main = await OpenAsync(connectionString, ct);
        await ExecuteAsync(main, "DELETE FROM bench_dataset WHERE name = 'tickets'", ct);
        // DELETE, not TRUNCATE: TRUNCATE ... CASCADE would follow requests.ticket_id and cards' request links into the
        // registry. With the foreign-key triggers off (session_replication_role) each table is emptied on its own.
        foreach (var table in Tables.Concat(["ticket_links", "ticket_viewers"]).Reverse())
            await ExecuteAsync(main, $"DELETE FROM {table}", ct);
        await ExecuteAsync(main, "DELETE FROM audit_events WHERE entity_type = 'Ticket'", ct);

        // Secondary indexes are rebuilt once at the end (faster than maintaining them row by row, GIN above all).
        var indexes = await SecondaryIndexesAsync(main, ct);
        foreach (var (name, _) in indexes) await ExecuteAsync(main, $"DROP INDEX {name}", ct);

        foreach (var (name, sql) in sections)
        {
            var watch = Stopwatch.StartNew();
            if (name == "messages")
            {
                // The to_tsvector of 3 million bodies dominates: one connection per core.
                await Task.WhenAll(Enumerable.Range(0, Parts).Select(async part =>
                {
                    await using var connection = await OpenAsync(connectionString, ct);
                    await ExecuteAsync(connection, sql.Replace("{{PART}}", part.ToString(CultureInfo.InvariantCulture)), ct);
                }));
            }
            else
            {
                await ExecuteAsync(main, sql, ct);
            }
            timings.Add($"{name} {watch.Elapsed.TotalSeconds:F0} s");
            log.WriteLine($"  tickets: {name} in {watch.Elapsed.TotalSeconds:F1} s");
        }

        var indexWatch = Stopwatch.StartNew();
        // The messages' GIN index on one connection, every other index on the other.
        var gin = indexes.Where(i => i.Name == "ix_ticket_messages_search").ToList();
        var rest = indexes.Except(gin).ToList();
        await Task.WhenAll(new[] { gin, rest }.Select(async group =>
        {
            await using var connection = await OpenAsync(connectionString, ct);
            foreach (var (_, definition) in group) await ExecuteAsync(connection, definition, ct);
        }));
        timings.Add($"indexes {indexWatch.Elapsed.TotalSeconds:F0} s");
        log.WriteLine($"  tickets: {indexes.Count} indexes rebuilt in {indexWatch.Elapsed.TotalSeconds:F1} s");

        var vacuumWatch = Stopwatch.StartNew();
        await ExecuteAsync(main, "DROP SCHEMA bench_work CASCADE", ct);
        await ExecuteAsync(main, $"VACUUM (ANALYZE) {string.Join(", ", Tables)}, audit_events, users, ticket_queues", ct);
        timings.Add($"vacuum analyze {vacuumWatch.Elapsed.TotalSeconds:F0} s");

        var details = string.Join('\n',
            $"ticket rows: {await CountsAsync(main, ct)}",
            $"generated in {total.Elapsed.TotalSeconds:F0} s ({string.Join(", ", timings)})",
            $"database size: {await ScalarAsync<string>(main, "SELECT pg_size_pretty(pg_database_size(current_database()))", ct)}");
        await using (var marker = new NpgsqlCommand("INSERT INTO bench_dataset (name, key, details) VALUES ('tickets', @key, @details)", main))
        {
            marker.Parameters.AddWithValue("key", key);
            marker.Parameters.AddWithValue("details", details);
            await marker.ExecuteNonQueryAsync(ct);
        }
        log.WriteLine($"Tickets generated: {details.Replace("\n", "; ")}");
        return details;
    }

    private static string Script(int tickets)
    {
        using var stream = typeof(TicketLoader).Assembly.GetManifestResourceStream("CpsSupport.Bench.Data.tickets.sql")
            ?? throw new InvalidOperationException("tickets.sql is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd()
            .Replace("{{TICKETS}}", tickets.ToString(CultureInfo.InvariantCulture))
            .Replace("{{DAYS}}", Days.ToString(CultureInfo.InvariantCulture))
            .Replace("{{AGENTS}}", Agents.ToString(CultureInfo.InvariantCulture))
            .Replace("{{HEAVY}}", HeavyTickets.ToString(CultureInfo.InvariantCulture))
            .Replace("{{HEAVY_MESSAGES}}", HeavyMessages.ToString(CultureInfo.InvariantCulture))
            .Replace("{{PARTS}}", Parts.ToString(CultureInfo.InvariantCulture))
            .Replace("{{FIRST_NAMES}}", SqlArray(FrenchSamples.FirstNames))
            .Replace("{{LAST_NAMES}}", SqlArray(FrenchSamples.LastNames));
    }

    private static List<(string Name, string Sql)> Sections(string script) =>
        SectionMarker().Split(script).Skip(1).Chunk(2).Select(c => (c[0].Trim(), c[1])).ToList();

    private static string SqlArray(IEnumerable<string> words) => "ARRAY[" + string.Join(", ", words.Select(w => "'" + w.Replace("'", "''") + "'")) + "]";

    private static async Task<List<(string Name, string Definition)>> SecondaryIndexesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = 'public' AND i.tablename = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            ORDER BY i.tablename, i.indexname
            """, connection);
        command.Parameters.AddWithValue("tables", Tables);
        var result = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result.Add((reader.GetString(0), reader.GetString(1)));
        return result;
    }

    private static async Task<string> CountsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var parts = new List<string>();
        foreach (var table in Tables)
            parts.Add($"{table}={await ScalarAsync<long>(connection, $"SELECT count(*) FROM {table}", ct):N0}");
        parts.Add($"open={await ScalarAsync<long>(connection, "SELECT count(*) FROM tickets WHERE state NOT IN ('Resolved', 'Closed')", ct):N0}");
        return string.Join(' ', parts);
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync(ct);
        // Rows are consistent by construction: no per-row foreign-key triggers (as pg_restore); big sorts in memory.
        await ExecuteAsync(connection, "SET session_replication_role = replica; SET maintenance_work_mem = '1GB'; SET work_mem = '256MB'; SET synchronous_commit = off", ct);
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }

    [GeneratedRegex(@"^-- @@ (.+)$", RegexOptions.Multiline)]
    private static partial Regex SectionMarker();
}
