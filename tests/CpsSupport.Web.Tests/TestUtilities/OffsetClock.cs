namespace CpsSupport.Web.Tests.TestUtilities;

/// <summary>
/// The system clock moved by <see cref="Offset"/>: time runs as usual (Identity's lockout keeps its own clock, the
/// system one), and a test can jump ahead to see tokens expire, then come back.
/// </summary>
public sealed class OffsetClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
}
