using System.Text.RegularExpressions;

namespace CpsSupport.Features.KnowledgeBase;

/// <summary>
/// One article file of <c>db/knowledge-base</c>: a front matter (slug, title, tags) between two <c>---</c> lines,
/// then the Markdown body.
/// </summary>
public sealed partial record KbSeedArticle(string Slug, string Title, IReadOnlyList<string> Tags, string Body)
{
    /// <summary>Reads a file's text; a malformed file is an error naming it, so a broken article never ships silently.</summary>
    public static KbSeedArticle Parse(string fileName, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
            throw new FormatException($"{fileName} : l'en-tête (front matter) doit commencer par une ligne « --- ».");
        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0) throw new FormatException($"{fileName} : l'en-tête n'est pas fermé par une ligne « --- ».");

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines[1..end].Where(l => l.Trim().Length > 0))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) throw new FormatException($"{fileName} : ligne d'en-tête illisible « {line} ».");
            fields[line[..colon].Trim()] = Unquote(line[(colon + 1)..].Trim());
        }
        var slug = fields.GetValueOrDefault("slug") ?? "";
        if (!KnowledgeBaseService.IsValidSlug(slug)) throw new FormatException($"{fileName} : slug absent ou invalide « {slug} ».");
        var title = fields.GetValueOrDefault("title");
        if (string.IsNullOrWhiteSpace(title)) throw new FormatException($"{fileName} : titre absent.");
        var body = string.Join("\n", lines[(end + 1)..]).Trim();
        if (body.Length == 0) throw new FormatException($"{fileName} : l'article est vide.");
        return new KbSeedArticle(slug, title, KnowledgeBaseService.NormalizeTags(ParseList(fields.GetValueOrDefault("tags"))), body);
    }

    /// <summary>Tags as <c>[a, b]</c> or <c>a, b</c>.</summary>
    private static IEnumerable<string> ParseList(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return [];
        var inner = value.StartsWith('[') && value.EndsWith(']') ? value[1..^1] : value;
        return inner.Split(',').Select(t => Unquote(t.Trim()));
    }

    private static string Unquote(string value) => QuotedValue().Match(value) is { Success: true } m ? m.Groups[1].Value : value;

    [GeneratedRegex("""^["'](.*)["']$""")]
    private static partial Regex QuotedValue();
}
