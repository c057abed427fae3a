using BenchmarkDotNet.Running;
using CpsSupport.Bench;
using CpsSupport.Bench.Data;
using CpsSupport.Bench.Features.Documents;
using CpsSupport.Bench.Plans;

// dotnet run -c Release --project bench/CpsSupport.Bench -- [--quick] [--reload] [--plans] [--data DIR] [BenchmarkDotNet options]
// dotnet run -c Release --project bench/CpsSupport.Bench -- --documents [--pool N] [--callers N] [--sequential N] [--seconds N] [--template forms/f504] [--untagged]
if (args.Contains("--documents"))
{
    // No database: the document pipeline alone, on a warm Chromium.
    if (args.Contains("--profile")) return await DocumentRenderProfile.RunAsync("forms/f504", 40, Console.Out);
    return await DocumentRenderBenchmark.RunAsync(DocumentRenderBenchmark.Settings.Parse(args), Console.Out);
}

var options = BenchOptions.Parse(args);
var database = await BenchDatabase.OpenAsync(options.DataFolder, options.Reload, Console.Out);
try
{
    Console.WriteLine(database.Marker);
    Console.WriteLine($"Looking for: {(await BenchTargets.LoadAsync(database.ConnectionString)).Describe()}");
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
