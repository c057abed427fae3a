namespace CpsSupport.Features.Demo;

/// <summary>
/// The demo's sense of time: today in Paris, business days and office hours, all relative to the clock's now so a
/// data set seeded any day tells a story that ends today. Public holidays are ignored: weekends are enough for a demo.
/// </summary>
internal sealed class DemoCalendar
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public DemoCalendar(DateTimeOffset now)
    {
        // Whole minutes, like every moment of the demo.
        Now = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Paris).DateTime);
        LastBusinessDay = OnOrBefore(Today);
    }

    public DateTimeOffset Now { get; }

    /// <summary>Today in Paris, where the desk works.</summary>
    public DateOnly Today { get; }

    /// <summary>Today when it is a weekday, else the Friday before.</summary>
    public DateOnly LastBusinessDay { get; }

    public static bool IsBusinessDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public static DateOnly OnOrBefore(DateOnly day)
    {
        while (!IsBusinessDay(day)) day = day.AddDays(-1);
        return day;
    }

    /// <summary>The business day <paramref name="count"/> business days after (or before, when negative) <paramref name="day"/>.</summary>
    public static DateOnly AddBusinessDays(DateOnly day, int count)
    {
        var step = Math.Sign(count);
        for (var left = Math.Abs(count); left > 0;)
        {
            day = day.AddDays(step);
            if (IsBusinessDay(day)) left--;
        }
        return day;
    }

    /// <summary>The Paris wall-clock time of an instant.</summary>
    public static DateTime ParisTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Paris).DateTime;

    /// <summary>The UTC instant of a Paris wall-clock time; a time skipped by the spring change moves one hour on.</summary>
    public static DateTimeOffset At(DateOnly day, int hour, int minute)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        if (Paris.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Paris), TimeSpan.Zero);
    }
}
