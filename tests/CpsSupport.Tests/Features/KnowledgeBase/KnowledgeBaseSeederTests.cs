using CpsSupport.Features.KnowledgeBase;
using CpsSupport.Tests.TestUtilities;
using static CpsSupport.Tests.Features.KnowledgeBase.KnowledgeBaseWorld;

namespace CpsSupport.Tests.Features.KnowledgeBase;

public sealed class KnowledgeBaseSeederTests : IAsyncLifetime
{
    private KnowledgeBaseWorld _w = null!;

    public async Task InitializeAsync() => _w = await KnowledgeBaseWorld.CreateAsync(seeded: false);

    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task Every_file_of_db_knowledge_base_is_bundled_and_imported()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "db", "knowledge-base"), "*.md");
        var fromFiles = files.Select(f => KbSeedArticle.Parse(Path.GetFileName(f), File.ReadAllText(f))).ToList();

        var result = await _w.Seeder.SeedAsync();

        Assert.True(files.Length >= 15, $"only {files.Length} articles");
        Assert.Equal(files.Length, result.Created);
        Assert.Equal(fromFiles.Select(a => a.Slug).Order(), KnowledgeBaseSeeder.BundledArticles().Select(a => a.Slug).Order());
        var stored = await _w.Service.ListAsync();
        Assert.Equal(fromFiles.Select(a => a.Slug).Order(), stored.Select(a => a.Slug).Order());
        Assert.All(stored, a => Assert.Equal(1, a.Revision));
        var reader = await _w.ArticleAsync("lecteur-non-detecte");
        Assert.Equal("Lecteur de cartes non détecté", reader.Title);
        Assert.Contains("lecteur", reader.Tags);
        Assert.StartsWith("Le poste ne voit pas le lecteur", reader.Body);
    }

    [Fact]
    public async Task Seeding_twice_changes_nothing()
    {
        var first = await _w.Seeder.SeedAsync();
        var before = await _w.ArticleAsync("cryptolib-cps-installation");

        var second = await _w.Seeder.SeedAsync();

        Assert.Equal(new KbSeedResult(0, 0, first.Created, 0), second);
        Assert.Equal(first.Created, await _w.CountAsync<KbArticle>());
        Assert.Equivalent(before, await _w.ArticleAsync("cryptolib-cps-installation"), strict: true);
    }

    [Fact]
    public async Task A_changed_file_refreshes_an_unedited_article_but_never_one_a_supervisor_edited()
    {
        await _w.Seeder.SeedAsync();
        var edited = await _w.ArticleAsync("outils-diagnostic");
        await _w.Service.UpdateAsync(Supervisor, edited.Id, new KbArticleInput(edited.Title, "Version du superviseur.", edited.Tags), edited.Version);
        var changed = KnowledgeBaseSeeder.BundledArticles()
            .Select(a => a.Slug is "outils-diagnostic" or "atsam-installation" ? a with { Body = a.Body + "\n\nNouveau paragraphe." } : a)
            .ToList();

        var result = await _w.Seeder.SeedAsync(changed);

        Assert.Equal(1, result.Updated);
        Assert.Equal(1, result.KeptEdited);
        var refreshed = await _w.ArticleAsync("atsam-installation");
        Assert.EndsWith("Nouveau paragraphe.", refreshed.Body);
        Assert.Equal(1, refreshed.Revision);
        Assert.Equal("Version du superviseur.", (await _w.ArticleAsync("outils-diagnostic")).Body);
    }

    [Fact]
    public void Front_matter_gives_slug_title_and_tags()
    {
        var article = KbSeedArticle.Parse("x.md", "---\r\nslug: code-bloque\r\ntitle: \"Carte : bloquée\"\r\ntags: [PIN, Déblocage , pin]\r\n---\r\n\r\nTexte.\r\n");

        Assert.Equal("code-bloque", article.Slug);
        Assert.Equal("Carte : bloquée", article.Title);
        Assert.Equal(["déblocage", "pin"], article.Tags);
        Assert.Equal("Texte.", article.Body);
    }

    [Theory]
    [InlineData("slug: a\ntitle: b\n---\nTexte")]
    [InlineData("---\ntitle: Sans slug\n---\nTexte")]
    [InlineData("---\nslug: Pas Bon\ntitle: t\n---\nTexte")]
    [InlineData("---\nslug: vide\ntitle: Vide\n---\n\n")]
    public void A_malformed_file_is_refused_with_its_name(string text)
    {
        var error = Assert.Throws<FormatException>(() => KbSeedArticle.Parse("casse.md", text));

        Assert.StartsWith("casse.md", error.Message);
    }
}
