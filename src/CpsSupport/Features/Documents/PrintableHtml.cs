using System.Net;
using System.Text.RegularExpressions;

namespace CpsSupport.Features.Documents;

/// <summary>
/// A self-contained page split into what documents share (everything before <c>&lt;body&gt;</c>: the print stylesheet
/// and its inlined fonts, the same for every form and letter) and what is each document's own (the title and the body).
/// A pooled page that already holds the shell only needs its body replaced: the ~100 K characters of stylesheet and
/// fonts are not parsed and decoded again for every document.
/// </summary>
/// <param name="Shell">The page up to and including <c>&lt;body&gt;</c>, its <c>&lt;title&gt;</c> left out.</param>
/// <param name="Title">The decoded text of the <c>&lt;title&gt;</c>.</param>
/// <param name="Body">The markup between <c>&lt;body&gt;</c> and <c>&lt;/body&gt;</c>.</param>
internal sealed partial record PrintableHtml(string Shell, string Title, string Body)
{
    /// <summary>
    /// Splits <paramref name="html"/>, or gives null when the body could not be swapped in with the same result as loading
    /// the whole page: no plain <c>&lt;body&gt;</c> element, something after <c>&lt;/body&gt;</c>, or markup that runs or
    /// fetches something (script, image, frame, <c>url(…)</c>…), whose loading only a full page load waits for.
    /// </summary>
    public static PrintableHtml? Split(string html)
    {
        var open = html.IndexOf("<body>", StringComparison.OrdinalIgnoreCase);
        var close = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        if (open < 0 || close < open || !Tail().IsMatch(html.AsSpan(close + "</body>".Length)))
        {
            return null;
        }

        var head = html[..(open + "<body>".Length)];
        var body = html[(open + "<body>".Length)..close];
        if (Loads().IsMatch(body) || head.Contains("<script", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var title = TitleElement().Match(head);
        if (title.Success && TitleElement().Matches(head).Count > 1)
        {
            return null;
        }

        return title.Success
            ? new PrintableHtml(head.Remove(title.Index, title.Length), WebUtility.HtmlDecode(title.Groups["text"].Value), body)
            : new PrintableHtml(head, "", body);
    }

    [GeneratedRegex(@"\A\s*(</html>\s*)?\z", RegexOptions.IgnoreCase)]
    private static partial Regex Tail();

    [GeneratedRegex(@"<title>(?<text>[^<]*)</title>", RegexOptions.IgnoreCase)]
    private static partial Regex TitleElement();

    // Elements that load or run something, and CSS that fetches (url(…), @import), in the body or its inline styles.
    [GeneratedRegex(@"<\s*(script|img|image|iframe|frame|object|embed|link|video|audio|source|picture|input|base|meta)\b|url\s*\(|@import|<\s*/?\s*(body|head|html)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Loads();
}
