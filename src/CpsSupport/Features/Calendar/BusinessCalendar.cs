namespace CpsSupport.Features.Calendar;

/// <summary>
/// Business days ("jours ouvrés": Monday to Friday, French public holidays excluded) and business time
/// (the <see cref="DeskHours"/> of those days), used for every delay the desk announces or is held to.
/// </summary>
public sealed class BusinessCalendar(DeskHours hours, bool includeAlsaceMoselleHolidays = false)
{
    /// <summary>Metropolitan holidays, desk open 08:30–18:00 Paris time.</summary>
    public static BusinessCalendar Default { get; } = new(DeskHours.Default);

    public DeskHours Hours { get; } = hours ?? throw new ArgumentNullException(nameof(hours));

    public bool IncludesAlsaceMoselleHolidays { get; } = includeAlsaceMoselleHolidays;

    public bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !FrenchHolidays.IsHoliday(date, IncludesAlsaceMoselleHolidays);

    /// <summary>The first business day strictly after <paramref name="date"/> ("le lendemain ouvré").</summary>
    public DateOnly NextBusinessDay(DateOnly date)
    {
        var next = date.AddDays(1);
        while (!IsBusinessDay(next)) next = next.AddDays(1);
        return next;
    }

    /// <summary>
    /// The <paramref name="days"/>-th business day after <paramref name="start"/>, the start day not counted:
    /// a file received on Friday 1 business day later is due on Monday, and so is one received on Saturday.
    /// With 0 days, <paramref name="start"/> itself when it is a business day, else the next one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    public DateOnly AddBusinessDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0) return IsBusinessDay(start) ? start : NextBusinessDay(start);
        var date = start;
        for (var i = 0; i < days; i++) date = NextBusinessDay(date);
        return date;
    }

    /// <summary>
    /// Business days in (<paramref name="from"/>, <paramref name="to"/>]: the first day excluded, the last included,
    /// so that <c>BusinessDaysBetween(d, AddBusinessDays(d, n)) == n</c> for n ≥ 1. Negative when
    /// <paramref name="to"/> is before <paramref name="from"/>.
    /// </summary>
    public int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -BusinessDaysBetween(to, from);
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsBusinessDay(date)) count++;
        }
        return count;
    }

    /// <summary>
    /// The moment <paramref name="duration"/> of desk time has passed after <paramref name="start"/>, counting only
    /// desk hours of business days, in the desk's time zone (DST changes included). A start outside desk hours
    /// waits for the next opening; a result that fills a day exactly is that day's closing time, not the next opening.
    /// A zero duration returns <paramref name="start"/> unchanged.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (duration == TimeSpan.Zero) return Hours.ToDeskTime(start);
        var remaining = duration;
        for (var date = Hours.LocalDate(start); ; date = date.AddDays(1))
        {
            if (!IsBusinessDay(date)) continue;
            var (opens, closes) = Hours.On(date);
            var from = start > opens ? start : opens;
            if (from >= closes) continue;
            var available = closes - from;
            if (remaining <= available) return Hours.ToDeskTime(from + remaining);
            remaining -= available;
        }
    }

    /// <summary>
    /// Desk time between two moments: the part of [<paramref name="from"/>, <paramref name="to"/>] that falls in desk
    /// hours of business days. Negative when <paramref name="to"/> is before <paramref name="from"/>.
    /// </summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from) return -BusinessTimeBetween(to, from);
        var total = TimeSpan.Zero;
        var last = Hours.LocalDate(to);
        for (var date = Hours.LocalDate(from); date <= last; date = date.AddDays(1))
        {
            if (!IsBusinessDay(date)) continue;
            var (opens, closes) = Hours.On(date);
            var start = from > opens ? from : opens;
            var end = to < closes ? to : closes;
            if (end > start) total += end - start;
        }
        return total;
    }
}
