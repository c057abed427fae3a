using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
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

    /// <summary>
    /// Article Markdown to the plain text of a mail reply: list markers and numbers kept, emphasis marks dropped,
    /// a link written as "text (address)", so the requester reads a clean message rather than Markdown syntax.
    /// </summary>
    public static string ToPlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var text = new StringBuilder();
        WriteBlocks(text, Markdown.Parse(markdown, Pipeline), "");
        return text.ToString().TrimEnd() + "\n";
    }

    private static void WriteBlocks(StringBuilder text, ContainerBlock container, string indent)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case ListBlock list:
                    var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var marker = list.IsOrdered ? $"{number++}. " : "- ";
                        var itemText = new StringBuilder();
                        WriteBlocks(itemText, item, "");
                        var lines = itemText.ToString().TrimEnd().Split('\n');
                        text.Append(indent).Append(marker).Append(lines[0]).Append('\n');
                        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
                            text.Append(indent).Append(' ', marker.Length).Append(line).Append('\n');
                    }
                    text.Append('\n');
                    break;
                case QuoteBlock quote:
                    var quoted = new StringBuilder();
                    WriteBlocks(quoted, quote, "");
                    foreach (var line in quoted.ToString().TrimEnd().Split('\n')) text.Append(indent).Append("> ").Append(line).Append('\n');
                    text.Append('\n');
                    break;
                case Table table:
                    foreach (var row in table.OfType<TableRow>())
                    {
                        var cells = row.OfType<TableCell>().Select(c =>
                        {
                            var cell = new StringBuilder();
                            WriteBlocks(cell, c, "");
                            return cell.ToString().Trim();
                        });
                        text.Append(indent).Append(string.Join(" | ", cells)).Append('\n');
                    }
                    text.Append('\n');
                    break;
                case ContainerBlock other:
                    WriteBlocks(text, other, indent);
                    break;
                case ThematicBreakBlock:
                    text.Append(indent).Append("――――――――\n\n");
                    break;
                case LeafBlock { Inline: { } inline }:
                    text.Append(indent);
                    WriteInlines(text, inline);
                    text.Append("\n\n");
                    break;
                case LeafBlock leaf:
                    foreach (var line in leaf.Lines.Lines.Take(leaf.Lines.Count)) text.Append(indent).Append(line.ToString()).Append('\n');
                    text.Append('\n');
                    break;
            }
        }
    }

    private static void WriteInlines(StringBuilder text, ContainerInline container)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal: text.Append(literal.Content.ToString()); break;
                case CodeInline code: text.Append(code.Content); break;
                case LineBreakInline: text.Append('\n'); break;
                case AutolinkInline auto: text.Append(auto.Url); break;
                case LinkInline { IsImage: true } image:
                    var alt = new StringBuilder();
                    WriteInlines(alt, image);
                    text.Append(alt.Length > 0 ? alt.ToString() : image.Url);
                    break;
                case LinkInline link:
                    var label = new StringBuilder();
                    WriteInlines(label, link);
                    text.Append(label);
                    var url = IsSafeUrl(link.Url) ? link.Url : null;
                    if (!string.IsNullOrEmpty(url) && url != label.ToString() && url != "mailto:" + label) text.Append(" (").Append(url).Append(')');
                    break;
                case ContainerInline nested: WriteInlines(text, nested); break;
            }
        }
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
