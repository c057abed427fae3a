using Ganss.Xss;

namespace CpsSupport.Features.Mail;

/// <summary>
/// Sanitizes the HTML of incoming mail for display in the back office: no script, event handler, form, frame or
/// <c>javascript:</c> URL, and no remote content (images, CSS <c>url()</c>) that would tell the sender the mail was read.
/// Links stay, as plain links.
/// </summary>
public static class MailHtml
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedAtRules.Clear();
        sanitizer.FilterUrl += (_, e) =>
        {
            // Only the href of a link survives: anything else with a URL (img src, background, CSS url()) loads remote content.
            var isLink = e.Tag is { NodeName: "A" } a && a.GetAttribute("href") == e.OriginalUrl;
            if (!isLink) e.SanitizedUrl = null;
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { NodeName: "A" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow");
                link.SetAttribute("target", "_blank");
            }
        };
        sanitizer.AllowedAttributes.Add("target");
        sanitizer.AllowedAttributes.Add("rel");
        return sanitizer;
    }
}
