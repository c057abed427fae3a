namespace CpsSupport.Features.Paging;

/// <summary>Shared normalisation of what users type in a search box.</summary>
public static class SearchText
{
    public static string? Normalize(string? input)
    {
        var text = input?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>Digits only once spaces are removed: a serial, an RPPS, a FINESS… rather than a name.</summary>
    public static bool IsIdentifierLike(string text) => text.Replace(" ", "").All(char.IsAsciiDigit);

    /// <summary>The national ids a typed number may stand for: itself, 8+RPPS (11 digits), 0+ADELI (9 digits).</summary>
    public static string[] NationalIdCandidates(string text)
    {
        var digits = text.Replace(" ", "");
        return digits.Length switch
        {
            11 => [digits, "8" + digits],
            9 => [digits, "0" + digits],
            _ => [digits],
        };
    }

    /// <summary>An ILIKE pattern matching the text anywhere, with LIKE wildcards typed by the user escaped.</summary>
    public static string LikePattern(string text) =>
        "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
