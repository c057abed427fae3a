namespace CpsSupport.Features.Calendar;

/// <summary>
/// French public holidays (Code du travail, art. L3133-1) computed for any Gregorian year, Easter included.
/// The current list is applied to every year: the desk only computes dates around today, so the history of
/// the law (8 May not a holiday from 1959 to 1981…) is deliberately ignored. Overseas extras (abolition of
/// slavery) are out of scope: the desk works from metropolitan France.
/// </summary>
public static class FrenchHolidays
{
    /// <summary>First year of the Gregorian calendar, hence of the Easter algorithm.</summary>
    public const int FirstSupportedYear = 1583;

    public const int LastSupportedYear = 9999;

    private static readonly FixedHoliday[] Fixed =
    [
        new(1, 1, "Jour de l’an", false),
        new(5, 1, "Fête du Travail", false),
        new(5, 8, "Victoire 1945", false),
        new(7, 14, "Fête nationale", false),
        new(8, 15, "Assomption", false),
        new(11, 1, "Toussaint", false),
        new(11, 11, "Armistice 1918", false),
        new(12, 25, "Noël", false),
        new(12, 26, "Saint-Étienne", true),
    ];

    private static readonly EasterHoliday[] EasterBased =
    [
        new(-2, "Vendredi saint", true),
        new(1, "Lundi de Pâques", false),
        new(39, "Ascension", false),
        // Still a public holiday when a company makes it its "journée de solidarité" (law of 16 April 2008).
        new(50, "Lundi de Pentecôte", false),
    ];

    /// <summary>Easter Sunday of <paramref name="year"/>, by the anonymous Gregorian (Meeus/Jones/Butcher) algorithm.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is before 1583 (not Gregorian).</exception>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstSupportedYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastSupportedYear);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>
    /// Every public holiday of <paramref name="year"/> in date order; with <paramref name="includeAlsaceMoselle"/>,
    /// also Good Friday and 26 December, holidays only in Bas-Rhin, Haut-Rhin and Moselle. Two holidays may share a
    /// date (Ascension fell on 1 May in 2008): both are listed, the fixed one first.
    /// </summary>
    public static IReadOnlyList<PublicHoliday> For(int year, bool includeAlsaceMoselle = false)
    {
        var easter = EasterSunday(year);
        return Fixed.Where(h => includeAlsaceMoselle || !h.AlsaceMoselleOnly)
            .Select(h => new PublicHoliday(new DateOnly(year, h.Month, h.Day), h.Name))
            .Concat(EasterBased.Where(h => includeAlsaceMoselle || !h.AlsaceMoselleOnly)
                .Select(h => new PublicHoliday(easter.AddDays(h.DaysAfterEaster), h.Name)))
            .OrderBy(h => h.Date)
            .ToList();
    }

    /// <summary>The holiday falling on <paramref name="date"/> (the fixed one when two coincide), or null on an ordinary day.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is before 1583 (not Gregorian).</exception>
    public static PublicHoliday? Find(DateOnly date, bool includeAlsaceMoselle = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(date.Year, FirstSupportedYear, nameof(date));
        foreach (var h in Fixed)
        {
            if (h.Month == date.Month && h.Day == date.Day && (includeAlsaceMoselle || !h.AlsaceMoselleOnly))
                return new PublicHoliday(date, h.Name);
        }
        // Easter-based holidays fall between 20 March (Good Friday) and 14 June (Whit Monday).
        if (date.Month is < 3 or > 6) return null;
        var daysAfterEaster = date.DayNumber - EasterSunday(date.Year).DayNumber;
        foreach (var h in EasterBased)
        {
            if (h.DaysAfterEaster == daysAfterEaster && (includeAlsaceMoselle || !h.AlsaceMoselleOnly))
                return new PublicHoliday(date, h.Name);
        }
        return null;
    }

    public static bool IsHoliday(DateOnly date, bool includeAlsaceMoselle = false) =>
        Find(date, includeAlsaceMoselle) is not null;

    private sealed record FixedHoliday(int Month, int Day, string Name, bool AlsaceMoselleOnly);

    private sealed record EasterHoliday(int DaysAfterEaster, string Name, bool AlsaceMoselleOnly);
}
