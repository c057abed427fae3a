using System.Globalization;
using System.Text.RegularExpressions;

namespace CpsSupport.Features.Tickets;

/// <summary>Ticket numbers as said on the phone and written in mail subjects: CPS-2026-000123 (year of creation in Paris).</summary>
public static partial class TicketNumber
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static string Format(int year, long sequence) => string.Create(CultureInfo.InvariantCulture, $"CPS-{year:D4}-{sequence:D6}");

    public static int YearOf(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Paris).Year;

    public static bool IsValid(string? text) => text is not null && Pattern().IsMatch(text);

    /// <summary>The first ticket number found in a text such as a mail subject ("Re: [CPS-2026-000123] …"), upper-cased.</summary>
    public static string? Find(string? text) => text is null ? null : Embedded().Match(text) is { Success: true } m ? m.Value.ToUpperInvariant() : null;

    [GeneratedRegex(@"^CPS-\d{4}-\d{6,}$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"\bCPS-\d{4}-\d{6,}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Embedded();
}
