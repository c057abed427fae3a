namespace CpsSupport.Bench.Features.Documents;

/// <summary>
/// Samples, from /proc, the resident memory of this process and of every process below it: the Playwright driver
/// (node) and the Chromium it launched (browser, zygotes, renderers, utility processes). RSS is summed as asked
/// (shared pages counted once per process, so an over-estimate); PSS (shared pages split between the processes that
/// map them, from smaps_rollup) is the fairer total.
/// </summary>
public sealed class ProcessTreeMemory : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly TimeSpan _every;

    public ProcessTreeMemory(TimeSpan every)
    {
        _every = every;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The sample with the largest Chromium RSS sum.</summary>
    public MemorySample PeakChromium { get; private set; } = MemorySample.Empty;

    /// <summary>The sample with the largest total (Chromium + driver + .NET) RSS sum.</summary>
    public MemorySample PeakTotal { get; private set; } = MemorySample.Empty;

    public int Samples { get; private set; }

    /// <summary>CPU time the sampling itself took (walking /proc, reading smaps_rollup), charged to the .NET process.</summary>
    public TimeSpan SamplerCpu { get; private set; }

    // utime + stime of the calling thread, in USER_HZ ticks.
    private static long ThreadCpuTicks()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(_every);
        do
        {
            var before = ThreadCpuTicks();
            var sample = Take();
            // Same thread from before to after: Take is synchronous.
            SamplerCpu += TimeSpan.FromSeconds((ThreadCpuTicks() - before) / 100d);
            Samples++;
            if (sample.ChromiumRss > PeakChromium.ChromiumRss) PeakChromium = sample;
            if (sample.TotalRss > PeakTotal.TotalRss) PeakTotal = sample;
        }
        while (await timer.WaitForNextTickAsync(_stop.Token).AsTask().ContinueWith(t => !t.IsCanceled, TaskScheduler.Default));
    }

    /// <summary>One reading of the whole tree now.</summary>
    public static MemorySample Take()
    {
        var self = Environment.ProcessId;
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && ParentOf(pid) is { } parent) parents[pid] = parent;
        }

        var children = parents.ToLookup(p => p.Value, p => p.Key);
        long chromiumRss = 0, chromiumPss = 0, driverRss = 0, dotnetRss = ReadKb(self, "status", "VmRSS:");
        var chromiumProcesses = 0;
        var pending = new Stack<int>(children[self]);
        while (pending.TryPop(out var pid))
        {
            foreach (var child in children[pid]) pending.Push(child);
            var name = Comm(pid);
            var rss = ReadKb(pid, "status", "VmRSS:");
            if (name.Contains("chrom", StringComparison.OrdinalIgnoreCase))
            {
                chromiumRss += rss;
                chromiumPss += ReadKb(pid, "smaps_rollup", "Pss:");
                chromiumProcesses++;
            }
            else
            {
                driverRss += rss;
            }
        }

        return new MemorySample(chromiumProcesses, chromiumRss * 1024, chromiumPss * 1024, driverRss * 1024, dotnetRss * 1024);
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null; // ended while we looked
        }
    }

    private static string Comm(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static long ReadKb(int pid, string file, string key)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/{file}"))
            {
                if (line.StartsWith(key, StringComparison.Ordinal))
                    return long.Parse(line[key.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            // ended while we looked
        }

        return 0;
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}

/// <summary>Bytes resident at one instant.</summary>
public sealed record MemorySample(int ChromiumProcesses, long ChromiumRss, long ChromiumPss, long DriverRss, long DotnetRss)
{
    public static MemorySample Empty { get; } = new(0, 0, 0, 0, 0);

    public long TotalRss => ChromiumRss + DriverRss + DotnetRss;
}
