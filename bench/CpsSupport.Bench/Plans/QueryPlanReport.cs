using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace CpsSupport.Bench.Plans;

/// <summary>
/// Calls every benchmark once, outside BenchmarkDotNet, and writes the EXPLAIN ANALYZE plan of each statement it sends,
/// flagging the statements slower than the threshold: the evidence behind an index suggestion.
/// </summary>
public static class QueryPlanReport
{
    public static async Task<string> WriteAsync(string folder, double thresholdMs, TextWriter log, CancellationToken ct = default)
    {
        var summary = new StringBuilder();
        var details = new StringBuilder();
        summary.AppendLine(CultureInfo.InvariantCulture, $"| Benchmark | Rows found | Call (ms) | Statements | Slowest statement (ms) | > {thresholdMs} ms |");
        summary.AppendLine("|---|---:|---:|---:|---:|---|");
        var benchmarkTypes = typeof(RegistryBenchmark).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(RegistryBenchmark)) && !t.IsAbstract)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in benchmarkTypes)
        {
            foreach (var (label, apply) in ParameterSets(type))
            {
                ct.ThrowIfCancellationRequested();
                var interceptor = new ExplainAnalyzeInterceptor();
                var benchmark = (RegistryBenchmark)Activator.CreateInstance(type)!;
                apply(benchmark);
                benchmark.Interceptor = interceptor;
                await benchmark.SetupAsync();
                try
                {
                    foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).OrderBy(m => m.MetadataToken))
                    {
                        var name = (method.GetCustomAttribute<BenchmarkAttribute>()!.Description ?? method.Name) + label;
                        await InvokeAsync(benchmark, method); // warm: EF query compilation, pool, buffers
                        var watch = Stopwatch.StartNew();
                        var result = await InvokeAsync(benchmark, method);
                        var callMs = watch.Elapsed.TotalMilliseconds;
                        interceptor.Plans.Clear();
                        interceptor.Enabled = true;
                        await InvokeAsync(benchmark, method);
                        interceptor.Enabled = false;
                        var slowest = interceptor.Plans.Count == 0 ? 0 : interceptor.Plans.Max(p => p.ExecutionMs);
                        var flag = slowest > thresholdMs ? "**yes**" : "no";
                        summary.AppendLine(CultureInfo.InvariantCulture,
                            $"| {name} | {RowsFound(result)} | {callMs:F1} | {interceptor.Plans.Count} | {slowest:F1} | {flag} |");
                        log.WriteLine($"{name,-55} {callMs,8:F1} ms  slowest statement {slowest,8:F1} ms");
                        details.AppendLine(CultureInfo.InvariantCulture, $"## {name}").AppendLine();
                        foreach (var plan in interceptor.Plans)
                        {
                            details.AppendLine(CultureInfo.InvariantCulture, $"Execution {plan.ExecutionMs:F3} ms; parameters: `{plan.Parameters}`").AppendLine();
                            details.AppendLine("```sql").AppendLine(plan.Sql).AppendLine("```").AppendLine();
                            details.AppendLine("```").Append(plan.Plan).AppendLine("```").AppendLine();
                        }
                    }
                }
                finally
                {
                    await benchmark.CleanupAsync();
                }
            }
        }

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "query-plans.md");
        await File.WriteAllTextAsync(path,
            "# Query plans of the benchmarks\n\nEach call once after a warm-up call; plans from EXPLAIN (ANALYZE, BUFFERS) " +
            "with the parameter values EF sent.\n\n" + summary + "\n" + details, ct);
        return path;
    }

    /// <summary>One entry per value of the benchmark's [Params]/[ParamsAllValues] property (one property at most here).</summary>
    private static IEnumerable<(string Label, Action<RegistryBenchmark> Apply)> ParameterSets(Type type)
    {
        foreach (var property in type.GetProperties())
        {
            object?[]? values = property.GetCustomAttribute<ParamsAllValuesAttribute>() is not null && property.PropertyType.IsEnum
                ? Enum.GetValues(property.PropertyType).Cast<object?>().ToArray()
                : property.GetCustomAttribute<ParamsAttribute>()?.Values;
            if (values is null) continue;
            return values.Select(v => ($" [{property.Name}={v}]", (Action<RegistryBenchmark>)(b => property.SetValue(b, v)))).ToList();
        }
        return [("", _ => { })];
    }

    private static async Task<object?> InvokeAsync(RegistryBenchmark benchmark, MethodInfo method)
    {
        var task = (Task)method.Invoke(benchmark, null)!;
        await task;
        return task.GetType().GetProperty("Result")?.GetValue(task);
    }

    /// <summary>The total count of a page, 1 or 0 for a single lookup.</summary>
    private static string RowsFound(object? result) =>
        result is null ? "0"
        : result.GetType().GetProperty("TotalCount")?.GetValue(result) is int total ? total.ToString("N0", CultureInfo.InvariantCulture)
        : "1";
}
