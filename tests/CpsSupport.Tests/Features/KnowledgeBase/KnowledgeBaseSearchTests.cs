using CpsSupport.Features.KnowledgeBase;
using CpsSupport.Features.Paging;
using static CpsSupport.Tests.Features.KnowledgeBase.KnowledgeBaseWorld;

namespace CpsSupport.Tests.Features.KnowledgeBase;

/// <summary>Ranked French full-text search over the seeded articles, against the real PostgreSQL configuration.</summary>
public sealed class KnowledgeBaseSearchTests : IAsyncLifetime
{
    private KnowledgeBaseWorld _w = null!;

    public async Task InitializeAsync() => _w = await KnowledgeBaseWorld.CreateAsync();

    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task Lecteur_non_detecte_finds_the_no_reader_article_first()
    {
        var hits = await _w.Service.SearchAsync("lecteur non détecté");

        Assert.Equal("lecteur-non-detecte", hits.Items[0].Slug);
    }

    [Theory]
    [InlineData("cryptolib")]
    [InlineData("Cryptolib CPS")]
    [InlineData("CRYPTOLIB")]
    public async Task Cryptolib_finds_the_cryptolib_article_first(string text)
    {
        var hits = await _w.Service.SearchAsync(text);

        Assert.Equal("cryptolib-cps-installation", hits.Items[0].Slug);
        Assert.True(hits.TotalCount > 1, "other articles mention Cryptolib too");
    }

    [Fact]
    public async Task Accents_are_ignored_deblocage_finds_deblocage_with_its_accent_highlighted()
    {
        var hits = await _w.Service.SearchAsync("deblocage");

        var unblock = Assert.Single(hits.Items, h => h.Slug == "code-porteur-bloque-deblocage");
        Assert.Equal(hits.Items[0], unblock);
        Assert.Contains(unblock.Excerpt, p => p.Match && p.Text.Equals("déblocage", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(unblock.TitleParts, p => p.Match && p.Text == "déblocage");
    }

    [Fact]
    public async Task French_stemming_matches_other_forms_of_a_word()
    {
        var hits = await _w.Service.SearchAsync("bloquées");

        Assert.Contains(hits.Items, h => h.Slug == "code-porteur-bloque-deblocage");
    }

    [Fact]
    public async Task The_last_word_is_matched_as_a_prefix_while_the_agent_types()
    {
        var hits = await _w.Service.SearchAsync("crypto");

        Assert.Equal("cryptolib-cps-installation", hits.Items[0].Slug);
    }

    [Fact]
    public async Task Without_an_article_holding_every_word_articles_with_some_of_them_are_found()
    {
        var hits = await _w.Service.SearchAsync("galss zorglub");

        Assert.Equal("lecteur-bi-fente-galss", hits.Items[0].Slug);
    }

    [Fact]
    public async Task Excerpts_are_reading_text_without_markdown_syntax()
    {
        var hits = await _w.Service.SearchAsync("opposition");

        var hit = hits.Items[0];
        Assert.Equal("perte-vol-opposition", hit.Slug);
        var excerpt = string.Concat(hit.Excerpt.Select(p => p.Text));
        Assert.DoesNotContain("**", excerpt);
        Assert.DoesNotContain("#", excerpt);
        Assert.DoesNotContain("⟦", excerpt);
        Assert.Contains(hit.Excerpt, p => p.Match);
    }

    [Fact]
    public async Task Results_come_by_pages_with_the_total()
    {
        var first = await _w.Service.SearchAsync("carte", new PageRequest(0, 3));
        var second = await _w.Service.SearchAsync("carte", new PageRequest(1, 3));

        Assert.Equal(3, first.Items.Count);
        Assert.True(first.TotalCount > 6);
        Assert.Equal(first.TotalCount, second.TotalCount);
        Assert.Empty(first.Items.Select(h => h.Id).Intersect(second.Items.Select(h => h.Id)));
        Assert.True(first.Items[^1].Rank >= second.Items[0].Rank);
    }

    [Fact]
    public async Task Archived_articles_are_not_found()
    {
        var article = await _w.ArticleAsync("si-dep-mode-degrade");
        await _w.Service.ArchiveAsync(Supervisor, article.Id, article.Version);

        var hits = await _w.Service.SearchAsync("mode dégradé");

        Assert.DoesNotContain(hits.Items, h => h.Slug == "si-dep-mode-degrade");
        Assert.DoesNotContain(await _w.Service.ListAsync(), a => a.Slug == "si-dep-mode-degrade");
        Assert.Contains(await _w.Service.ListAsync(includeArchived: true), a => a.Slug == "si-dep-mode-degrade");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("& | ! ( ) :*")]
    public async Task Nothing_searchable_finds_nothing_without_error(string text)
    {
        var hits = await _w.Service.SearchAsync(text);

        Assert.Empty(hits.Items);
        Assert.Equal(0, hits.TotalCount);
    }
}
