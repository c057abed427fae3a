using BenchmarkDotNet.Running;
using CpsSupport.Bench;
using CpsSupport.Bench.Data;
using CpsSupport.Bench.Features.Documents;
using CpsSupport.Bench.Features.Tickets;
using CpsSupport.Bench.Plans;

// dotnet run -c Release --project bench/CpsSupport.Bench -- [--quick] [--reload] [--plans] [--data DIR] [BenchmarkDotNet options]
// dotnet run -c Release --project bench/CpsSupport.Bench -- --tickets-api [FILTER] [--quick] [--tickets N]
// dotnet run -c Release --project bench/CpsSupport.Bench -- --mail [COUNT]
// dotnet run -c Release --project bench/CpsSupport.Bench -- --documents [--pool N] [--callers N] [--sequential N] [--seconds N] [--template forms/f504] [--untagged] [--warmup N]
if (args.Contains("--documents"))
{
    // No database: the document pipeline alone, on a warm Chromium.
    if (args.Contains("--profile")) return await DocumentRenderProfile.RunAsync("forms/f504", 40, Console.Out);
    return await DocumentRenderBenchmark.RunAsync(DocumentRenderBenchmark.Settings.Parse(args), Console.Out);
}

if (args.Length > 0 && args[0] == "--mail")
{
    // Mail ingestion end to end against Dovecot: its own PostgreSQL, no registry needed.
    return await CpsSupport.Bench.Features.Mail.MailIngestionRun.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000, Console.Out);
}

var options = BenchOptions.Parse(args);
var database = await BenchDatabase.OpenAsync(options.DataFolder, options.Reload, Console.Out);
try
{
    Console.WriteLine(database.Marker);
    Console.WriteLine($"Looking for: {(await BenchTargets.LoadAsync(database.ConnectionString)).Describe()}");
    if (options.TicketsApi)
    {
        Console.WriteLine(await TicketLoader.EnsureAsync(database.ConnectionString, options.Tickets, Console.Out));
        Console.WriteLine($"Load average before: {LoadAverage()}");
        var (warmup, iterations) = options.Quick ? (5, 40) : (20, 200);
        var results = await TicketApiBenchmark.RunAsync(database.ConnectionString, warmup, iterations, options.TicketsFilter, Console.Out);
        var table = TicketApiBenchmark.Markdown(results, warmup, iterations);
        Directory.CreateDirectory(options.ArtifactsFolder);
        var file = Path.Combine(options.ArtifactsFolder, "tickets-api.md");
        await File.WriteAllTextAsync(file, table);
        Console.WriteLine(table);
        Console.WriteLine($"Written to {file}");
        return results.All(r => r.Percentile(95) < r.Endpoint.TargetMs) ? 0 : 2;
    }
    Console.WriteLine($"Load average before: {LoadAverage()}");
    if (options.Plans)
    {
        var report = await QueryPlanReport.WriteAsync(options.ArtifactsFolder, thresholdMs: 50, Console.Out);
        Console.WriteLine($"Query plans written to {report}");
        return 0;
    }
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchOptions).Assembly).Run([.. options.BenchmarkArguments], BenchConfig.Create(options));
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}
finally
{
    // Other work on the machine competes with PostgreSQL for the cores: say how busy it was.
    Console.WriteLine($"Load average after: {LoadAverage()}");
    await database.StopAsync();
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
