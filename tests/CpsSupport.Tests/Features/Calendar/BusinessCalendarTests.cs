using CpsSupport.Features.Calendar;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CpsSupport.Tests.Features.Calendar;

/// <summary>Business days: Monday to Friday, French public holidays excluded.</summary>
public class BusinessCalendarTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.Default;

    [Theory]
    [InlineData("2026-05-13", true)]  // Wednesday
    [InlineData("2026-05-14", false)] // Ascension (Thursday)
    [InlineData("2026-05-16", false)] // Saturday
    [InlineData("2026-05-17", false)] // Sunday
    [InlineData("2026-05-25", false)] // Whit Monday, a holiday even as "journée de solidarité"
    [InlineData("2026-04-03", true)]  // Good Friday outside Alsace-Moselle
    [InlineData("2026-12-26", false)] // a Saturday anyway
    [InlineData("2025-12-26", true)]  // Friday, Saint-Étienne outside Alsace-Moselle
    public void Is_business_day_excludes_weekends_and_holidays(string date, bool expected) =>
        Assert.Equal(expected, Calendar.IsBusinessDay(DateOnly.Parse(date)));

    [Fact]
    public void Alsace_moselle_calendar_does_not_work_on_good_friday_and_saint_stephen()
    {
        var alsace = new BusinessCalendar(DeskHours.Default, includeAlsaceMoselleHolidays: true);

        Assert.False(alsace.IsBusinessDay(new DateOnly(2026, 4, 3)));
        Assert.False(alsace.IsBusinessDay(new DateOnly(2025, 12, 26)));
        Assert.Equal(new DateOnly(2026, 4, 7), alsace.NextBusinessDay(new DateOnly(2026, 4, 2)));
    }

    [Theory]
    [InlineData("2026-05-22", "2026-05-26")] // Friday → Tuesday, over the weekend and Whit Monday
    [InlineData("2026-05-13", "2026-05-15")] // Wednesday → Friday, over Ascension
    [InlineData("2026-04-30", "2026-05-04")] // Thursday → Monday, over 1 May
    [InlineData("2026-05-16", "2026-05-18")] // Saturday → Monday
    [InlineData("2026-12-24", "2026-12-28")] // Christmas Eve → Monday after Christmas
    public void Next_business_day_is_the_first_one_strictly_after(string date, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Calendar.NextBusinessDay(DateOnly.Parse(date)));

    [Theory]
    [InlineData("2026-05-15", 1, "2026-05-18")] // Friday + 1 → Monday
    [InlineData("2026-05-16", 1, "2026-05-18")] // Saturday + 1 → Monday: the start day is never counted
    [InlineData("2026-05-16", 0, "2026-05-18")] // Saturday + 0 rolls forward to a business day
    [InlineData("2026-05-13", 0, "2026-05-13")] // a business day + 0 is itself
    [InlineData("2026-05-13", 5, "2026-05-21")] // over Ascension
    [InlineData("2026-05-22", 5, "2026-06-01")] // over Whit Monday
    public void Add_business_days_does_not_count_the_start_day(string start, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Calendar.AddBusinessDays(DateOnly.Parse(start), days));

    [Fact]
    public void Add_business_days_refuses_a_negative_count() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddBusinessDays(new DateOnly(2026, 5, 13), -1));

    [Fact]
    public void May_2026_has_17_business_days_after_its_four_weekday_holidays()
    {
        Assert.Equal(17, Calendar.BusinessDaysBetween(new DateOnly(2026, 4, 30), new DateOnly(2026, 5, 31)));
        Assert.Equal(-17, Calendar.BusinessDaysBetween(new DateOnly(2026, 5, 31), new DateOnly(2026, 4, 30)));
        Assert.Equal(0, Calendar.BusinessDaysBetween(new DateOnly(2026, 5, 13), new DateOnly(2026, 5, 13)));
    }

    [Property(MaxTest = 500)]
    public Property Add_business_days_always_lands_on_a_business_day() =>
        Prop.ForAll(CalendarGen.Date.ToArbitrary(), Gen.Choose(0, 300).ToArbitrary(), (date, days) =>
            Calendar.IsBusinessDay(Calendar.AddBusinessDays(date, days)));

    [Property(MaxTest = 500)]
    public Property Business_days_between_a_day_and_n_business_days_later_is_n() =>
        Prop.ForAll(CalendarGen.Date.ToArbitrary(), Gen.Choose(1, 300).ToArbitrary(), (date, days) =>
            Calendar.BusinessDaysBetween(date, Calendar.AddBusinessDays(date, days)) == days);

    [Property(MaxTest = 500)]
    public Property Adding_zero_business_days_keeps_a_business_day_and_rolls_other_days_forward() =>
        Prop.ForAll(CalendarGen.Date.ToArbitrary(), date =>
        {
            var result = Calendar.AddBusinessDays(date, 0);
            return Calendar.IsBusinessDay(date)
                ? result == date && Calendar.BusinessDaysBetween(date, result) == 0
                : result == Calendar.NextBusinessDay(date);
        });

    [Property(MaxTest = 300)]
    public Property Each_extra_business_day_is_the_next_business_day() =>
        Prop.ForAll(CalendarGen.Date.ToArbitrary(), Gen.Choose(1, 100).ToArbitrary(), (date, days) =>
            Calendar.AddBusinessDays(date, days + 1) == Calendar.NextBusinessDay(Calendar.AddBusinessDays(date, days)));

    [Property(MaxTest = 300)]
    public Property Business_days_between_adds_up_over_consecutive_periods() =>
        Prop.ForAll(CalendarGen.Date.ToArbitrary(), Gen.Choose(0, 400).ToArbitrary(), Gen.Choose(0, 400).ToArbitrary(), (a, x, y) =>
        {
            DateOnly b = a.AddDays(x), c = b.AddDays(y);
            return Calendar.BusinessDaysBetween(a, c) == Calendar.BusinessDaysBetween(a, b) + Calendar.BusinessDaysBetween(b, c)
                && Calendar.BusinessDaysBetween(c, a) == -Calendar.BusinessDaysBetween(a, c);
        });
}
