using System.Collections.Concurrent;
using System.Diagnostics;

namespace CpsSupport.Features.Mail;

/// <summary>
/// Wall time spent per ingestion phase (IMAP fetch, parse, lookups, save, flag/move…), summed over a run. Off unless
/// <see cref="MailIngestionHooks.Phases"/> is set (the benchmark does, to show where the time goes).
/// </summary>
public sealed class MailPhaseTimes
{
    private readonly ConcurrentDictionary<string, long[]> _ticks = new(StringComparer.Ordinal);

    public Scope Measure(string phase) => new(this, phase, Stopwatch.GetTimestamp());

    public void Add(string phase, long ticks)
    {
        var slot = _ticks.GetOrAdd(phase, _ => new long[2]);
        Interlocked.Add(ref slot[0], ticks);
        Interlocked.Increment(ref slot[1]);
    }

    /// <summary>Phase, total time and number of measures, longest first.</summary>
    public IReadOnlyList<(string Phase, TimeSpan Total, long Count)> Snapshot() =>
        _ticks.Select(p => (p.Key, Stopwatch.GetElapsedTime(0, Interlocked.Read(ref p.Value[0])), Interlocked.Read(ref p.Value[1])))
            .OrderByDescending(p => p.Item2).ToList();

    public readonly struct Scope(MailPhaseTimes? owner, string phase, long started) : IDisposable
    {
        public void Dispose() => owner?.Add(phase, Stopwatch.GetTimestamp() - started);
    }
}

internal static class MailPhaseTimesExtensions
{
    /// <summary>Measures <paramref name="phase"/> when timing is on; a no-op scope otherwise.</summary>
    public static MailPhaseTimes.Scope Time(this MailIngestionHooks hooks, string phase) =>
        hooks.Phases is { } phases ? phases.Measure(phase) : default;
}
