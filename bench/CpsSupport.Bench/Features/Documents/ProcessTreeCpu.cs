using System.Globalization;

namespace CpsSupport.Bench.Features.Documents;

/// <summary>
/// CPU time (user + system, from /proc/PID/stat) used so far by this process and every process below it, split as
/// Chromium, the Playwright driver (node) and .NET. Taken before and after a phase, the difference divided by the
/// documents printed is the CPU one document costs: unlike wall-clock time, it hardly moves when other work loads
/// the machine. Processes that ended during the phase are counted through their parent's cutime/cstime.
/// </summary>
public sealed record ProcessTreeCpu(TimeSpan Chromium, TimeSpan Driver, TimeSpan Dotnet)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public TimeSpan Total => Chromium + Driver + Dotnet;

    public static ProcessTreeCpu operator -(ProcessTreeCpu after, ProcessTreeCpu before) =>
        new(after.Chromium - before.Chromium, after.Driver - before.Driver, after.Dotnet - before.Dotnet);

    public static ProcessTreeCpu Take()
    {
        var self = Environment.ProcessId;
        var stats = new Dictionary<int, (int Parent, string Name, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Read(pid) is { } stat) stats[pid] = stat;
        }

        var children = stats.ToLookup(s => s.Value.Parent, s => s.Key);
        long chromium = 0, driver = 0;
        var dotnet = stats.TryGetValue(self, out var own) ? own.Ticks : 0;
        var pending = new Stack<int>(children[self]);
        while (pending.TryPop(out var pid))
        {
            foreach (var child in children[pid]) pending.Push(child);
            var (_, name, ticks) = stats[pid];
            if (name.Contains("chrom", StringComparison.OrdinalIgnoreCase)) chromium += ticks;
            else driver += ticks;
        }

        return new ProcessTreeCpu(Seconds(chromium), Seconds(driver), Seconds(dotnet));
    }

    private static TimeSpan Seconds(long ticks) => TimeSpan.FromSeconds(ticks / TicksPerSecond);

    private static (int Parent, string Name, long Ticks)? Read(int pid)
    {
        try
        {
            // "pid (comm) state ppid … utime(14) stime(15) cutime(16) cstime(17) …"; comm may hold spaces, so split after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var close = stat.LastIndexOf(')');
            var name = stat[(stat.IndexOf('(') + 1)..close];
            var fields = stat[(close + 2)..].Split(' ');
            long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
            return (int.Parse(fields[1], CultureInfo.InvariantCulture), name, Field(14) + Field(15) + Field(16) + Field(17));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null; // ended while we looked
        }
    }
}
