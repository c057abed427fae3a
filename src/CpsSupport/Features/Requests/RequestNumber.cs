using System.Globalization;
using System.Text.RegularExpressions;
using CpsSupport.Data;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Requests;

/// <summary>Request numbers as said on the phone and written to requesters: DEM-2026-000123 (year of filing in Paris).</summary>
public static partial class RequestNumber
{
    public const string SequenceName = "request_number_seq";

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static string Format(int year, long sequence) => string.Create(CultureInfo.InvariantCulture, $"DEM-{year:D4}-{sequence:D6}");

    public static int YearOf(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Paris).Year;

    public static bool IsValid(string? text) => text is not null && Pattern().IsMatch(text);

    /// <summary>The next number from the PostgreSQL sequence: unique even when two agents file at the same instant.</summary>
    internal static async Task<string> NextAsync(CpsDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var value = await db.Database.SqlQueryRaw<long>($"SELECT nextval('{SequenceName}') AS \"Value\"").SingleAsync(ct);
        return Format(YearOf(now), value);
    }

    [GeneratedRegex(@"^DEM-\d{4}-\d{6,}$")]
    private static partial Regex Pattern();
}
