using CpsSupport.Features.Calendar;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CpsSupport.Tests.Features.Calendar;

public class FrenchHolidaysTests
{
    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(1818, "1818-03-22")] // earliest possible date
    [InlineData(1943, "1943-04-25")] // latest possible date
    [InlineData(2000, "2000-04-23")]
    [InlineData(2285, "2285-03-22")]
    public void Easter_sunday_falls_on_the_known_date(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), FrenchHolidays.EasterSunday(year));

    [Fact]
    public void The_2026_holidays_are_the_eleven_of_the_labour_code_with_their_french_names()
    {
        var expected = new[]
        {
            ("2026-01-01", "Jour de l’an"),
            ("2026-04-06", "Lundi de Pâques"),
            ("2026-05-01", "Fête du Travail"),
            ("2026-05-08", "Victoire 1945"),
            ("2026-05-14", "Ascension"),
            ("2026-05-25", "Lundi de Pentecôte"),
            ("2026-07-14", "Fête nationale"),
            ("2026-08-15", "Assomption"),
            ("2026-11-01", "Toussaint"),
            ("2026-11-11", "Armistice 1918"),
            ("2026-12-25", "Noël"),
        }.Select(h => new PublicHoliday(DateOnly.Parse(h.Item1), h.Item2));

        Assert.Equal(expected, FrenchHolidays.For(2026));
    }

    [Fact]
    public void Alsace_moselle_adds_good_friday_and_saint_stephen()
    {
        var holidays = FrenchHolidays.For(2026, includeAlsaceMoselle: true);

        Assert.Equal(13, holidays.Count);
        Assert.Contains(new PublicHoliday(new DateOnly(2026, 4, 3), "Vendredi saint"), holidays);
        Assert.Contains(new PublicHoliday(new DateOnly(2026, 12, 26), "Saint-Étienne"), holidays);
        Assert.False(FrenchHolidays.IsHoliday(new DateOnly(2026, 4, 3)));
        Assert.False(FrenchHolidays.IsHoliday(new DateOnly(2026, 12, 26)));
        Assert.True(FrenchHolidays.IsHoliday(new DateOnly(2026, 4, 3), includeAlsaceMoselle: true));
    }

    [Theory]
    [InlineData("2026-05-14", "Ascension")]
    [InlineData("2026-05-25", "Lundi de Pentecôte")]
    [InlineData("2027-05-17", "Lundi de Pentecôte")]
    [InlineData("2024-05-09", "Ascension")]
    [InlineData("2025-04-21", "Lundi de Pâques")]
    public void Find_names_the_easter_based_holidays(string date, string name) =>
        Assert.Equal(name, FrenchHolidays.Find(DateOnly.Parse(date))?.Name);

    [Theory]
    [InlineData("2026-05-13")]
    [InlineData("2026-04-05")] // Easter Sunday is a Sunday, not a listed holiday
    [InlineData("2026-05-24")] // nor is Whit Sunday
    [InlineData("2026-12-24")]
    public void Find_returns_null_on_an_ordinary_day(string date) =>
        Assert.Null(FrenchHolidays.Find(DateOnly.Parse(date)));

    [Fact]
    public void Years_before_the_gregorian_calendar_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchHolidays.EasterSunday(1582));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchHolidays.IsHoliday(new DateOnly(1500, 1, 1)));
    }

    [Property(MaxTest = 1000)]
    public Property Easter_is_a_sunday_between_22_march_and_25_april() =>
        Prop.ForAll(Gen.Choose(FrenchHolidays.FirstSupportedYear, FrenchHolidays.LastSupportedYear).ToArbitrary(), year =>
        {
            var easter = FrenchHolidays.EasterSunday(year);
            return easter.DayOfWeek == DayOfWeek.Sunday
                && easter >= new DateOnly(year, 3, 22)
                && easter <= new DateOnly(year, 4, 25);
        });

    [Fact]
    public void Meeus_agrees_with_lichtenberg_for_every_supported_year()
    {
        for (var year = FrenchHolidays.FirstSupportedYear; year <= FrenchHolidays.LastSupportedYear; year++)
            Assert.Equal(LichtenbergEaster(year), FrenchHolidays.EasterSunday(year));
    }

    [Property(MaxTest = 300)]
    public Property Find_agrees_with_the_yearly_list() =>
        Prop.ForAll(CalendarGen.Date.ToArbitrary(), Gen.Elements(false, true).ToArbitrary(), (date, alsaceMoselle) =>
        {
            var listed = FrenchHolidays.For(date.Year, alsaceMoselle).Where(h => h.Date == date).ToList();
            return FrenchHolidays.Find(date, alsaceMoselle) is { } found ? listed[0] == found : listed.Count == 0;
        });

    [Property(MaxTest = 200)]
    public Property Every_year_has_eleven_differently_named_holidays_in_date_order() =>
        Prop.ForAll(Gen.Choose(FrenchHolidays.FirstSupportedYear, FrenchHolidays.LastSupportedYear).ToArbitrary(), year =>
        {
            var holidays = FrenchHolidays.For(year);
            var dates = holidays.Select(h => h.Date).ToList();
            return holidays.Count == 11 && holidays.Select(h => h.Name).Distinct().Count() == 11
                && dates.SequenceEqual(dates.Order()) && dates.All(d => d.Year == year);
        });

    [Fact]
    public void Two_holidays_on_one_day_are_both_listed_and_find_names_the_fixed_one()
    {
        var firstOfMay2008 = new DateOnly(2008, 5, 1);

        Assert.Equal(["Fête du Travail", "Ascension"], FrenchHolidays.For(2008).Where(h => h.Date == firstOfMay2008).Select(h => h.Name));
        Assert.Equal("Fête du Travail", FrenchHolidays.Find(firstOfMay2008)?.Name);
    }

    /// <summary>Gauss's Easter formula as corrected by Lichtenberg (1997): an independent check of Meeus/Jones/Butcher.</summary>
    private static DateOnly LichtenbergEaster(int year)
    {
        var k = year / 100;
        var m = 15 + (3 * k + 3) / 4 - (8 * k + 13) / 25;
        var s = 2 - (3 * k + 3) / 4;
        var a = year % 19;
        var d = (19 * a + m) % 30;
        var r = (d + a / 11) / 29;
        var og = 21 + d - r;
        var sz = 7 - (year + year / 4 + s) % 7;
        var oe = 7 - (og - sz) % 7;
        return new DateOnly(year, 3, 1).AddDays(og + oe - 1);
    }
}
