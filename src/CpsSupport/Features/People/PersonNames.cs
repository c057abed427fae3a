using System.Globalization;
using System.Text;

namespace CpsSupport.Features.People;

/// <summary>How a name written on a form is compared with a name of the registry.</summary>
public static class PersonNames
{
    /// <summary>Same person's name, whatever the accents, case, hyphens or apostrophes, first name first or last.</summary>
    public static bool Same(string? written, string? registry)
    {
        if (written is null || registry is null) return false;
        var a = Key(written);
        var b = Key(registry);
        return a.Length > 0 && (a == b || Sorted(a) == Sorted(b));
    }

    private static string Sorted(string key) => string.Join(' ', key.Split(' ').Order(StringComparer.Ordinal));

    private static string Key(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
