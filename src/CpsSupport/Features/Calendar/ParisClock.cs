namespace CpsSupport.Features.Calendar;

/// <summary>The desk's calendar date: mandates, delays and letters are French legal dates, counted in Paris time.</summary>
public static class ParisClock
{
    /// <summary>Today in Paris: between midnight and 01:00/02:00 Paris time the UTC date is still yesterday.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, DeskHours.Paris).DateTime);
}
