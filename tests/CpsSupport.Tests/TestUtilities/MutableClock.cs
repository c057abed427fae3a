namespace CpsSupport.Tests.TestUtilities;

/// <summary>A <see cref="TimeProvider"/> whose now is set by the test.</summary>
public sealed class MutableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public void Advance(TimeSpan by) => Now += by;
}
