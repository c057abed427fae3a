namespace CpsSupport.Features.Calendar;

/// <summary>
/// When the support desk works on a business day: from <see cref="Opens"/> to <see cref="Closes"/>, wall-clock
/// time in <see cref="TimeZone"/>. Which days are worked is the <see cref="BusinessCalendar"/>'s business.
/// </summary>
public sealed class DeskHours
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>08:30–18:00, Paris time.</summary>
    public static DeskHours Default { get; } = new(new TimeOnly(8, 30), new TimeOnly(18, 0), Paris);

    /// <exception cref="ArgumentException">The desk would close before it opens (overnight desks are not supported).</exception>
    public DeskHours(TimeOnly opens, TimeOnly closes, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        if (closes <= opens)
            throw new ArgumentException($"The desk must close after it opens ({opens:HH\\:mm}–{closes:HH\\:mm}).", nameof(closes));
        Opens = opens;
        Closes = closes;
        TimeZone = timeZone;
    }

    public TimeOnly Opens { get; }

    public TimeOnly Closes { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>
    /// The instants the desk opens and closes on <paramref name="date"/>. A wall-clock time skipped by a DST
    /// change is read with the offset before the change (02:30 becomes 03:30), a repeated one as standard time;
    /// neither happens in Paris, where clocks change on Sunday nights.
    /// </summary>
    public (DateTimeOffset Opens, DateTimeOffset Closes) On(DateOnly date) => (At(date, Opens), At(date, Closes));

    /// <summary>The desk's local date at <paramref name="instant"/>.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary><paramref name="instant"/> with the desk's UTC offset at that moment.</summary>
    public DateTimeOffset ToDeskTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    private DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }
}
