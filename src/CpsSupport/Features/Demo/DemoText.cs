using System.Globalization;
using System.Text;

namespace CpsSupport.Features.Demo;

/// <summary>French spelling rules the demo names and e-mail addresses need.</summary>
internal static class DemoText
{
    /// <summary>The preposition "de" before a name, elided or contracted: "d'Angers", "du Mans", "des Sables-d'Olonne".</summary>
    public static string Of(string name)
    {
        if (name.StartsWith("Le ", StringComparison.Ordinal)) return "du " + name[3..];
        if (name.StartsWith("Les ", StringComparison.Ordinal)) return "des " + name[4..];
        return "AEIOUYÉÈÊÎÔÂ".Contains(char.ToUpperInvariant(name[0]), StringComparison.Ordinal) ? "d'" + name : "de " + name;
    }

    /// <summary>Lower-case ASCII for an e-mail local part or host: accents dropped, spaces and apostrophes as hyphens.</summary>
    public static string Ascii(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
            else if (c is ' ' or '\'' or '-' or '’') builder.Append('-');
        }
        return builder.ToString().Trim('-').Replace("--", "-", StringComparison.Ordinal);
    }
}
