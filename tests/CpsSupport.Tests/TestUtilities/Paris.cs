namespace CpsSupport.Tests.TestUtilities;

/// <summary>Wall-clock moments in Paris, with the UTC offset in force on that date (+01:00 in winter, +02:00 in summer).</summary>
public static class Paris
{
    public static readonly TimeZoneInfo TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }
}
