using CpsSupport.Features.Documents;

namespace CpsSupport.Tests.Features.Documents;

/// <summary>Which pages a pooled Chromium page may take by swapping the body only, and which need a full load.</summary>
public sealed class PrintableHtmlTests
{
    private const string Head = "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<title>{0}</title>\n<style>\np { color: red; }\n</style>\n</head>\n<body>\n";

    private static string Page(string title, string body) => Head.Replace("{0}", title, StringComparison.Ordinal) + body + "\n</body>\n</html>";

    [Fact]
    public void Two_documents_of_the_same_stylesheet_share_their_shell_and_keep_their_own_title_and_body()
    {
        var first = PrintableHtml.Split(Page("Déclaration d&#39;incident", "<h1>F501</h1>"))!;
        var second = PrintableHtml.Split(Page("Accusé de réception", "<p>Madame &lt;x&gt;</p>"))!;

        Assert.Equal(first.Shell, second.Shell);
        Assert.DoesNotContain("<title>", first.Shell);
        Assert.Equal("Déclaration d'incident", first.Title);
        Assert.Equal("\n<h1>F501</h1>\n", first.Body);
        Assert.Equal("\n<p>Madame &lt;x&gt;</p>\n", second.Body);
    }

    [Fact]
    public void A_different_stylesheet_is_a_different_shell()
    {
        var other = Page("t", "<p>x</p>").Replace("color: red", "color: blue", StringComparison.Ordinal);

        Assert.NotEqual(PrintableHtml.Split(Page("t", "<p>x</p>"))!.Shell, PrintableHtml.Split(other)!.Shell);
    }

    [Theory]
    [InlineData("<p>x</p><script>for (;;) {}</script>")]
    [InlineData("<img src=\"data:image/png;base64,AAAA\">")]
    [InlineData("<div style=\"background: url(data:image/png;base64,AAAA)\"></div>")]
    [InlineData("<style>@import 'x.css';</style>")]
    [InlineData("<iframe srcdoc=\"x\"></iframe>")]
    [InlineData("<p>x</p></body><body class=\"b\">")]
    public void Markup_that_runs_or_loads_something_needs_a_full_load(string body) =>
        Assert.Null(PrintableHtml.Split(Page("t", body)));

    [Theory]
    [InlineData("<p>Sans document autour</p>")]
    [InlineData("<html><body class=\"letter\"><p>x</p></body></html>")]
    [InlineData("<html><body><p>x</p></body></html><p>après</p>")]
    public void A_page_without_a_plain_body_needs_a_full_load(string html) =>
        Assert.Null(PrintableHtml.Split(html));
}
