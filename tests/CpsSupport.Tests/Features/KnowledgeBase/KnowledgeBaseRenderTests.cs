using CpsSupport.Features.KnowledgeBase;

namespace CpsSupport.Tests.Features.KnowledgeBase;

/// <summary>Placeholders of reply templates and the Markdown shown to agents.</summary>
public sealed class KnowledgeBaseRenderTests
{
    private static readonly KbPlaceholderValues Values = new("Hélène Durand", "CPS-2026-000123");

    [Fact]
    public void Placeholders_are_replaced_by_the_requester_and_ticket_number()
    {
        var rendered = KnowledgeBaseService.Render("Bonjour {{demandeur}},\nréférence {{ticket}} ({{ Ticket }}).", Values);

        Assert.Equal("Bonjour Hélène Durand,\nréférence CPS-2026-000123 (CPS-2026-000123).", rendered.Text);
        Assert.True(rendered.IsComplete);
    }

    [Fact]
    public void An_unknown_placeholder_stays_visible_and_is_reported()
    {
        var rendered = KnowledgeBaseService.Render("Bonjour {{demandeur}}, signé {{signature}}.", Values);

        Assert.Equal("Bonjour Hélène Durand, signé {{signature}}.", rendered.Text);
        Assert.Equal(["{{signature}}"], rendered.Unknown);
        Assert.Empty(rendered.Missing);
        Assert.False(rendered.IsComplete);
    }

    [Fact]
    public void A_known_placeholder_without_a_value_stays_visible_and_is_reported()
    {
        var rendered = KnowledgeBaseService.Render("Bonjour {{demandeur}}, référence {{ticket}}.", new KbPlaceholderValues("  ", "CPS-2026-000001"));

        Assert.Equal("Bonjour {{demandeur}}, référence CPS-2026-000001.", rendered.Text);
        Assert.Equal(["{{demandeur}}"], rendered.Missing);
        Assert.Empty(rendered.Unknown);
    }

    [Fact]
    public void Bundled_articles_use_only_the_known_placeholders()
    {
        var unknown = KnowledgeBaseSeeder.BundledArticles()
            .SelectMany(a => KnowledgeBaseService.Render(a.Body, Values).Unknown.Select(p => $"{a.Slug}: {p}"));

        Assert.Empty(unknown);
    }

    [Fact]
    public void Raw_html_of_an_article_is_shown_as_text()
    {
        var html = KbMarkdown.ToHtml("**Gras** <script>alert(1)</script> <img src=x onerror=alert(1)>");

        Assert.Contains("<strong>Gras</strong>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Theory]
    [InlineData("[clic](javascript:alert(1))")]
    [InlineData("[clic](JavaScript:alert(1))")]
    [InlineData("[clic](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("![img](vbscript:msgbox)")]
    public void Links_other_than_web_mail_and_phone_are_neutralised(string markdown)
    {
        var html = KbMarkdown.ToHtml(markdown);

        Assert.Contains("href=\"#\"", html.Replace("src=\"#\"", "href=\"#\""));
        Assert.DoesNotContain("script:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html);
    }

    [Fact]
    public void Web_links_tables_and_lists_render()
    {
        var html = KbMarkdown.ToHtml("- [ANS](https://esante.gouv.fr)\n- [fiche](/base-de-connaissances/atsam-installation)\n\n| a | b |\n|---|---|\n| 1 | 2 |");

        Assert.Contains("<a href=\"https://esante.gouv.fr\">ANS</a>", html);
        Assert.Contains("<a href=\"/base-de-connaissances/atsam-installation\">fiche</a>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("<li>", html);
    }

    [Fact]
    public void Every_bundled_article_renders()
    {
        Assert.All(KnowledgeBaseSeeder.BundledArticles(), a => Assert.StartsWith("<", KbMarkdown.ToHtml(a.Body)));
    }

    [Fact]
    public void A_reply_gets_plain_text_with_list_markers_and_link_addresses_but_no_markdown_syntax()
    {
        var text = KbMarkdown.ToPlainText(
            "## Étapes\n\nBonjour **Hélène**,\nvoici la marche à suivre :\n\n1. Ouvrir *Cryptolib CPS*\n2. Lancer `CCM`\n\n- voir [la fiche](https://esante.gouv.fr/produits-services/cps)\n- ou [clic](javascript:alert(1))");

        Assert.Equal(
            "Étapes\n\nBonjour Hélène,\nvoici la marche à suivre :\n\n1. Ouvrir Cryptolib CPS\n2. Lancer CCM\n\n- voir la fiche (https://esante.gouv.fr/produits-services/cps)\n- ou clic\n",
            text);
    }

    [Fact]
    public void Every_bundled_article_becomes_plain_text_without_emphasis_or_link_syntax()
    {
        Assert.All(KnowledgeBaseSeeder.BundledArticles(), a =>
        {
            var text = KbMarkdown.ToPlainText(a.Body);
            Assert.False(string.IsNullOrWhiteSpace(text), a.Slug);
            Assert.DoesNotContain("**", text);
            Assert.DoesNotContain("](", text);
        });
    }
}
