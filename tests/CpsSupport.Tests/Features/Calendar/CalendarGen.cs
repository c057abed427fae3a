using FsCheck;
using FsCheck.Fluent;

namespace CpsSupport.Tests.Features.Calendar;

/// <summary>FsCheck generators of dates, instants and durations for calendar properties.</summary>
internal static class CalendarGen
{
    /// <summary>Any day from 1990 to 2100.</summary>
    public static Gen<DateOnly> Date { get; } =
        Gen.Choose(new DateOnly(1990, 1, 1).DayNumber, new DateOnly(2100, 12, 31).DayNumber).Select(DateOnly.FromDayNumber);

    /// <summary>
    /// Any instant from 2000 to 2060 to the tick, expressed with one of several UTC offsets (the calendar must
    /// only care about the instant), with extra weight on the days around the DST changes.
    /// </summary>
    public static Gen<DateTimeOffset> Instant { get; } =
        Gen.Frequency(
                (3, Gen.Choose(new DateOnly(2000, 1, 1).DayNumber, new DateOnly(2060, 12, 31).DayNumber).Select(DateOnly.FromDayNumber)),
                (1, Gen.Choose(2000, 2060).SelectMany(year => Gen.Elements(LastSundayOf(year, 3), LastSundayOf(year, 10)))
                    .SelectMany(sunday => Gen.Choose(-3, 3), (sunday, shift) => sunday.AddDays(shift))))
            .SelectMany(_ => TickOfDay, (day, ticks) => new DateTime(day.DayNumber * TimeSpan.TicksPerDay + ticks, DateTimeKind.Utc))
            .SelectMany(_ => Gen.Elements(0, 60, 120, -300, 330), (utc, offsetMinutes) =>
                new DateTimeOffset(utc).ToOffset(TimeSpan.FromMinutes(offsetMinutes)));

    /// <summary>From zero to 400 hours (about 42 desk days), to the tick.</summary>
    public static Gen<TimeSpan> Duration { get; } =
        Gen.Frequency(
            (1, Gen.Choose(0, 8 * 60).Select(minutes => TimeSpan.FromMinutes(minutes))),
            (3, Gen.Choose(0, 400 * 60).SelectMany(_ => Gen.Choose(0, (int)(TimeSpan.TicksPerMinute - 1)),
                (minutes, ticks) => TimeSpan.FromMinutes(minutes) + TimeSpan.FromTicks(ticks))));

    private static Gen<long> TickOfDay { get; } =
        Gen.Choose(0, 24 * 60 * 60 - 1).SelectMany(_ => Gen.Choose(0, (int)(TimeSpan.TicksPerSecond - 1)),
            (seconds, ticks) => seconds * TimeSpan.TicksPerSecond + ticks);

    private static DateOnly LastSundayOf(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
