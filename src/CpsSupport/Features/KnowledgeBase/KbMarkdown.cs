using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CpsSupport.Features.KnowledgeBase;

/// <summary>
/// Article Markdown to HTML for display. Raw HTML in articles is shown as text, and links and images keep only
/// http(s), mailto, tel and relative addresses: what a supervisor types can never run script in an agent's browser.
/// </summary>
public static class KbMarkdown
{
    // No UseAdvancedExtensions: its generic attributes ({onclick=…}) would let an article add event handlers.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseSoftlineBreakAsHardlineBreak()
        .DisableHtml()
        .Build();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url)) link.Url = "#";
        }
        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafeUrl(link.Url)) link.Url = "#";
        }
        return document.ToHtml(Pipeline);
    }

    internal static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        var trimmed = url.Trim();
        var colon = trimmed.IndexOf(':');
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        // No scheme (relative link or anchor): a colon only after the first path separator.
        if (colon < 0 || (slash >= 0 && slash < colon)) return true;
        var scheme = trimmed[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto" or "tel";
    }
}
