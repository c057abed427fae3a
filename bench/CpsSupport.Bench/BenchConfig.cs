using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Perfolizer.Metrology;

namespace CpsSupport.Bench;

/// <summary>
/// One job for every benchmark: each iteration is one call (Monitoring strategy), so Median and P95 are those of
/// single calls, as a user waits for them; Min shows the cost without competing load. In-process: the database
/// dominates, and no per-run project build.
/// </summary>
public static class BenchConfig
{
    public static IConfig Create(BenchOptions options)
    {
        var job = Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(options.Quick ? 2 : 5)
            .WithIterationCount(options.Quick ? 10 : 40)
            .WithId(options.Quick ? "Quick" : "Standard");
        return DefaultConfig.Instance
            .AddJob(job)
            .AddColumn(StatisticColumn.Min, StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max)
            .HideColumns(Column.Namespace, Column.Error)
            .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared, MethodOrderPolicy.Declared))
            .WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(TimeUnit.Millisecond).WithSizeUnit(SizeUnit.KB))
            .WithArtifactsPath(Path.Combine(options.ArtifactsFolder, "benchmarkdotnet"))
            .WithOptions(ConfigOptions.JoinSummary);
    }
}
