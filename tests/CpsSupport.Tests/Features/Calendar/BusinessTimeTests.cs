using CpsSupport.Features.Calendar;
using CpsSupport.Tests.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CpsSupport.Tests.Features.Calendar;

/// <summary>Business time: the desk's opening hours (08:30–18:00 Paris time by default) on business days.</summary>
public class BusinessTimeTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.Default;

    [Theory]
    [InlineData(10, 0, 120, 2026, 3, 2, 12, 0)]  // Monday, inside hours
    [InlineData(7, 0, 60, 2026, 3, 2, 9, 30)]    // before opening: waits for 08:30
    [InlineData(8, 30, 570, 2026, 3, 2, 18, 0)]  // a full desk day ends at closing time, not the next opening
    [InlineData(17, 0, 120, 2026, 3, 3, 9, 30)]  // one hour today, one tomorrow
    [InlineData(19, 0, 30, 2026, 3, 3, 9, 0)]    // after closing: starts at tomorrow's opening
    public void Add_business_time_counts_only_desk_hours(int hour, int minute, int minutes, int year, int month, int day, int dueHour, int dueMinute) =>
        Assert.Equal(Paris.At(year, month, day, dueHour, dueMinute),
            Calendar.AddBusinessTime(Paris.At(2026, 3, 2, hour, minute), TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void Add_business_time_skips_the_weekend_and_ascension()
    {
        Assert.Equal(Paris.At(2026, 3, 9, 9, 30), Calendar.AddBusinessTime(Paris.At(2026, 3, 6, 17, 0), TimeSpan.FromHours(2)));
        Assert.Equal(Paris.At(2026, 5, 15, 9, 30), Calendar.AddBusinessTime(Paris.At(2026, 5, 13, 17, 0), TimeSpan.FromHours(2)));
        Assert.Equal(Paris.At(2026, 5, 18, 8, 30).AddHours(1), Calendar.AddBusinessTime(Paris.At(2026, 5, 16, 11, 0), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Spring_forward_weekend_keeps_the_desk_wall_clock()
    {
        // Clocks go from 02:00 to 03:00 on Sunday 29 March 2026: Friday is +01:00, Monday +02:00.
        var friday = Paris.At(2026, 3, 27, 17, 0);
        var due = Calendar.AddBusinessTime(friday, TimeSpan.FromHours(2));

        Assert.Equal(new DateTimeOffset(2026, 3, 30, 9, 30, 0, TimeSpan.FromHours(2)), due);
        Assert.Equal(TimeSpan.FromHours(2), due.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 7, 30, 0, TimeSpan.Zero), due.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(2), Calendar.BusinessTimeBetween(friday, due));
        Assert.Equal(TimeSpan.FromHours(63.5), due - friday); // 64h30 of wall clock minus the lost hour
    }

    [Fact]
    public void Fall_back_weekend_keeps_the_desk_wall_clock()
    {
        // Clocks go from 03:00 back to 02:00 on Sunday 25 October 2026: Friday is +02:00, Monday +01:00.
        var friday = Paris.At(2026, 10, 23, 17, 0);
        var due = Calendar.AddBusinessTime(friday, TimeSpan.FromHours(2));

        Assert.Equal(new DateTimeOffset(2026, 10, 26, 9, 30, 0, TimeSpan.FromHours(1)), due);
        Assert.Equal(TimeSpan.FromHours(1), due.Offset);
        Assert.Equal(TimeSpan.FromHours(2), Calendar.BusinessTimeBetween(friday, due));
        Assert.Equal(TimeSpan.FromHours(65.5), due - friday); // 64h30 of wall clock plus the repeated hour
    }

    [Fact]
    public void Desk_opens_at_half_past_eight_paris_time_whatever_the_season()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 27, 7, 30, 0, TimeSpan.Zero), DeskHours.Default.On(new DateOnly(2026, 3, 27)).Opens);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 6, 30, 0, TimeSpan.Zero), DeskHours.Default.On(new DateOnly(2026, 3, 30)).Opens);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 17, 0, 0, TimeSpan.Zero), DeskHours.Default.On(new DateOnly(2026, 10, 26)).Closes);
    }

    [Fact]
    public void A_start_given_in_utc_is_read_as_paris_time()
    {
        var mondayEightParis = new DateTimeOffset(2026, 3, 30, 6, 0, 0, TimeSpan.Zero);

        Assert.Equal(Paris.At(2026, 3, 30, 9, 0), Calendar.AddBusinessTime(mondayEightParis, TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Adding_no_time_returns_the_same_instant_even_when_closed()
    {
        var saturday = new DateTimeOffset(2026, 3, 28, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(saturday, Calendar.AddBusinessTime(saturday, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddBusinessTime(saturday, TimeSpan.FromTicks(-1)));
    }

    [Fact]
    public void Business_time_between_counts_desk_hours_of_business_days_only()
    {
        Assert.Equal(TimeSpan.FromHours(47.5), Calendar.BusinessTimeBetween(Paris.At(2026, 3, 2, 0), Paris.At(2026, 3, 9, 0)));
        Assert.Equal(TimeSpan.FromHours(38), Calendar.BusinessTimeBetween(Paris.At(2026, 5, 11, 0), Paris.At(2026, 5, 18, 0)));
        Assert.Equal(TimeSpan.FromHours(-38), Calendar.BusinessTimeBetween(Paris.At(2026, 5, 18, 0), Paris.At(2026, 5, 11, 0)));
        Assert.Equal(TimeSpan.Zero, Calendar.BusinessTimeBetween(Paris.At(2026, 3, 28, 9), Paris.At(2026, 3, 29, 17)));
        Assert.Equal(TimeSpan.FromMinutes(45), Calendar.BusinessTimeBetween(Paris.At(2026, 3, 2, 17, 15), Paris.At(2026, 3, 2, 23)));
    }

    [Fact]
    public void Desk_hours_are_configurable()
    {
        var mornings = new BusinessCalendar(new DeskHours(new TimeOnly(9, 0), new TimeOnly(12, 0), DeskHours.Paris));

        Assert.Equal(Paris.At(2026, 3, 3, 10, 0), mornings.AddBusinessTime(Paris.At(2026, 3, 2, 11, 0), TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(15), mornings.BusinessTimeBetween(Paris.At(2026, 3, 2, 0), Paris.At(2026, 3, 9, 0)));
        Assert.Throws<ArgumentException>(() => new DeskHours(new TimeOnly(18, 0), new TimeOnly(8, 30), DeskHours.Paris));
        Assert.Throws<ArgumentException>(() => new DeskHours(new TimeOnly(9, 0), new TimeOnly(9, 0), DeskHours.Paris));
    }

    [Property(MaxTest = 500)]
    public Property Adding_business_time_then_measuring_it_gives_the_same_duration() =>
        Prop.ForAll(CalendarGen.Instant.ToArbitrary(), CalendarGen.Duration.ToArbitrary(), (start, duration) =>
            Calendar.BusinessTimeBetween(start, Calendar.AddBusinessTime(start, duration)) == duration);

    [Property(MaxTest = 500)]
    public Property Added_business_time_ends_within_desk_hours_of_a_business_day_in_paris_time() =>
        Prop.ForAll(CalendarGen.Instant.ToArbitrary(), CalendarGen.Duration.Where(d => d > TimeSpan.Zero).ToArbitrary(), (start, duration) =>
        {
            var due = Calendar.AddBusinessTime(start, duration);
            var day = DateOnly.FromDateTime(due.DateTime);
            var (opens, closes) = DeskHours.Default.On(day);
            return due.Offset == Paris.TimeZone.GetUtcOffset(due)
                && Calendar.IsBusinessDay(day) && due > opens && due <= closes && due > start;
        });

    [Property(MaxTest = 300)]
    public Property Adding_business_time_in_two_steps_equals_adding_it_at_once() =>
        Prop.ForAll(CalendarGen.Instant.ToArbitrary(), CalendarGen.Duration.ToArbitrary(), CalendarGen.Duration.ToArbitrary(), (start, first, second) =>
            Calendar.AddBusinessTime(Calendar.AddBusinessTime(start, first), second) == Calendar.AddBusinessTime(start, first + second));

    [Property(MaxTest = 300)]
    public Property Business_time_between_adds_up_and_changes_sign_when_reversed() =>
        Prop.ForAll(CalendarGen.Instant.ToArbitrary(), CalendarGen.Duration.ToArbitrary(), CalendarGen.Duration.ToArbitrary(), (a, x, y) =>
        {
            DateTimeOffset b = a + x, c = b + y;
            var whole = Calendar.BusinessTimeBetween(a, c);
            return whole == Calendar.BusinessTimeBetween(a, b) + Calendar.BusinessTimeBetween(b, c)
                && Calendar.BusinessTimeBetween(c, a) == -whole
                && whole <= c - a;
        });
}
