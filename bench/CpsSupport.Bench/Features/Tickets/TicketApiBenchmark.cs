extern alias web;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CpsSupport.Features.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CpsSupport.Bench.Features.Tickets;

/// <summary>
/// Times the ticket API as a client sees it: the real application on Kestrel (loopback socket, bearer token of a desk
/// agent) against the benchmark database, one request at a time. Each endpoint gets warm-up calls, then measured calls
/// whose single-call times give p50/p95/max. Plain timer rather than BenchmarkDotNet: an HTTP round trip per iteration,
/// the server in the same process, percentiles of hundreds of calls.
/// </summary>
public static class TicketApiBenchmark
{
    public sealed record Endpoint(string Group, string Name, Func<int, string> Path, double TargetMs);

    public sealed record Result(Endpoint Endpoint, double[] Milliseconds, string Answer)
    {
        public double Percentile(double p)
        {
            var sorted = Milliseconds.Order().ToArray();
            // Nearest-rank percentile: the value below which p % of the calls fall.
            var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }
    }

    public static async Task<IReadOnlyList<Result>> RunAsync(string connectionString, int warmup, int iterations, string? filter, TextWriter log)
    {
        var targets = await TicketTargets.LoadAsync(connectionString);
        log.WriteLine(targets.Describe());
        await using var app = new BenchAppFactory(connectionString);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
            token = (await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateSessionAsync(targets.AgentId)).Token;
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        log.WriteLine($"Application on {address}, bearer token of {targets.AgentName}");

        var endpoints = Endpoints(targets).Where(e => filter is null || (e.Group + " " + e.Name).Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();
        var results = new List<Result>();
        foreach (var endpoint in endpoints)
        {
            string answer = "";
            for (var i = 0; i < warmup; i++) answer = await CallAsync(client, endpoint.Path(i));
            var times = new double[iterations];
            for (var i = 0; i < iterations; i++)
            {
                var path = endpoint.Path(warmup + i);
                var watch = Stopwatch.StartNew();
                await CallAsync(client, path);
                times[i] = watch.Elapsed.TotalMilliseconds;
            }
            var result = new Result(endpoint, times, answer);
            results.Add(result);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {endpoint.Group,-8} {endpoint.Name,-42} p50 {result.Percentile(50),7:F1} ms  p95 {result.Percentile(95),7:F1} ms  max {times.Max(),7:F1} ms  ({answer})"));
        }
        return results;
    }

    /// <summary>The results as a Markdown table (written to the artifacts folder and printed).</summary>
    public static string Markdown(IReadOnlyList<Result> results, int warmup, int iterations)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{warmup} warm-up + {iterations} measured calls per endpoint, one at a time; load average at the end: {LoadAverage()}");
        sb.AppendLine();
        sb.AppendLine("| Endpoint | Call | Answer | p50 | p95 | Max | Target (p95) |");
        sb.AppendLine("|---|---|---|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var p95 = r.Percentile(95);
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Endpoint.Group} | {r.Endpoint.Name} | {r.Answer} | {r.Percentile(50):F1} ms | {p95:F1} ms | {r.Milliseconds.Max():F1} ms | < {r.Endpoint.TargetMs:F0} ms {(p95 < r.Endpoint.TargetMs ? "met" : "**missed**")} |");
        }
        return sb.ToString();
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    /// <summary>The saved views' first pages, the searches a desk types, and the long tickets' pages (a different one each call).</summary>
    private static IEnumerable<Endpoint> Endpoints(TicketTargets t)
    {
        const string tickets = "/api/v1/tickets";
        yield return new("queue", "Mes tickets (view=Mine)", _ => $"{tickets}?view=Mine", 50);
        yield return new("queue", "Non assignés (view=Unassigned)", _ => $"{tickets}?view=Unassigned", 50);
        yield return new("queue", "En retard (view=Overdue)", _ => $"{tickets}?view=Overdue", 50);
        yield return new("queue", "En attente du demandeur (view=WaitingForRequester)", _ => $"{tickets}?view=WaitingForRequester", 50);
        yield return new("queue", "Tous ouverts (view=AllOpen)", _ => $"{tickets}?view=AllOpen", 50);
        foreach (var (id, name) in t.Queues)
            yield return new("queue", $"File {name} (view=Queue)", _ => $"{tickets}?view=Queue&queueId={id}", 50);
        yield return new("search", "\"perte carte\"", _ => Search("perte carte"), 50);
        yield return new("search", "\"Hélène\"", _ => Search("Hélène"), 50);
        yield return new("search", $"ticket number {t.TicketNumber}", _ => Search(t.TicketNumber), 50);
        yield return new("search", $"card serial {t.Serial}", _ => Search(t.Serial), 50);
        yield return new("search", $"e-mail {t.Email}", _ => Search(t.Email), 50);
        yield return new("detail", $"ticket with {TicketLoader200} messages", i => $"{tickets}/{t.HeavyTickets[i % t.HeavyTickets.Count]}", 100);

        static string Search(string q) => $"{tickets}/search?q={Uri.EscapeDataString(q)}";
    }

    private const int TicketLoader200 = Data.TicketLoader.HeavyMessages;

    /// <summary>Calls and reads the whole body; a non-2xx answer stops the run (a fast error is no result).</summary>
    private static async Task<string> CallAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return root.ValueKind switch
        {
            JsonValueKind.Array => $"{root.GetArrayLength()} hits",
            _ when root.TryGetProperty("totalCount", out var total) => $"{root.GetProperty("items").GetArrayLength()} rows of {total.GetInt32():N0}",
            _ when root.TryGetProperty("timeline", out var timeline) => $"{timeline.GetArrayLength()} timeline entries, {Encoding.UTF8.GetByteCount(body) / 1024} KB",
            _ => $"{body.Length} chars",
        };
    }

    /// <summary>The application as deployed, minus background jobs and demo data, on a free loopback port.</summary>
    private sealed class BenchAppFactory : WebApplicationFactory<web::Program>
    {
        private readonly string _connectionString;

        public BenchAppFactory(string connectionString)
        {
            _connectionString = connectionString;
            UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // The web project's folder (appsettings.json, templates), found from the solution file upwards.
            builder.UseSolutionRelativeContentRoot(Path.Combine("src", "CpsSupport.Web"));
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Cps", _connectionString);
            builder.UseSetting("LocalDefaults:Enabled", "false");
            builder.UseSetting("Demo:Seed", "false");
            builder.UseSetting("Jobs:Enabled", "false");
            // CPS_BENCH_SQL=1 prints every SQL command with its duration (to read the statements an endpoint sends).
            var sql = Environment.GetEnvironmentVariable("CPS_BENCH_SQL") == "1";
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)
                .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", sql ? LogLevel.Information : LogLevel.Warning));
        }
    }
}

/// <summary>What the ticket benchmark asks for, read from the generated data by rank so every run asks the same.</summary>
public sealed record TicketTargets(
    Guid AgentId, string AgentName, IReadOnlyList<(Guid Id, string Name)> Queues, string TicketNumber, string Serial, string Email,
    IReadOnlyList<Guid> HeavyTickets)
{
    public string Describe() =>
        $"Ticket targets: agent {AgentName}, {Queues.Count} queues, number {TicketNumber}, serial {Serial}, e-mail {Email}, {HeavyTickets.Count} tickets of {Data.TicketLoader.HeavyMessages} messages";

    public static async Task<TicketTargets> LoadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // The agent with the most open tickets: the heaviest "Mes tickets".
        var (agentId, agentName) = await SingleAsync(connection,
            """
            SELECT u.id, u.display_name FROM users u JOIN tickets t ON t.assignee_id = u.id
            WHERE t.state NOT IN ('Resolved', 'Closed') GROUP BY u.id, u.display_name ORDER BY count(*) DESC, u.id LIMIT 1
            """, r => (r.GetGuid(0), r.GetString(1)));
        var queues = await ListAsync(connection, "SELECT id, name FROM ticket_queues ORDER BY sort_order, name", r => (r.GetGuid(0), r.GetString(1)));
        // The median ticket number, the median serial among cards linked to tickets, the median requester e-mail.
        var number = await SingleAsync(connection, "SELECT number FROM tickets ORDER BY number OFFSET (SELECT count(*) / 2 FROM tickets) LIMIT 1", r => r.GetString(0));
        var serial = await SingleAsync(connection,
            "SELECT c.serial_number FROM ticket_cards tc JOIN cards c ON c.id = tc.card_id ORDER BY c.serial_number OFFSET (SELECT count(*) / 2 FROM ticket_cards) LIMIT 1",
            r => r.GetString(0));
        var email = await SingleAsync(connection,
            "SELECT requester_email FROM tickets WHERE requester_email IS NOT NULL ORDER BY requester_email OFFSET (SELECT count(requester_email) / 2 FROM tickets) LIMIT 1",
            r => r.GetString(0));
        var heavy = await ListAsync(connection,
            $"SELECT ticket_id FROM ticket_messages GROUP BY ticket_id HAVING count(*) >= {Data.TicketLoader.HeavyMessages} ORDER BY ticket_id", r => r.GetGuid(0));
        return new TicketTargets(agentId, agentName, queues, number, serial, email, heavy);
    }

    private static async Task<T> SingleAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read) =>
        (await ListAsync(connection, sql, read)).Single();

    private static async Task<List<T>> ListAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync()) list.Add(read(reader));
        return list;
    }
}
