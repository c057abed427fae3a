using CpsSupport.Features.KnowledgeBase;
using static CpsSupport.Tests.Features.KnowledgeBase.KnowledgeBaseWorld;

namespace CpsSupport.Tests.Features.KnowledgeBase;

/// <summary>Supervisors' edits: history, restore, archive, who may edit, and optimistic concurrency on xmin.</summary>
public sealed class KnowledgeBaseEditTests : IAsyncLifetime
{
    private KnowledgeBaseWorld _w = null!;
    private KbArticleDetail _article = null!;

    public async Task InitializeAsync()
    {
        _w = await KnowledgeBaseWorld.CreateAsync();
        _article = await _w.ArticleAsync("delais-carte-et-codes");
    }

    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task An_edit_keeps_the_previous_version_in_the_history_and_bumps_the_revision()
    {
        _w.Clock.Advance(TimeSpan.FromDays(3));

        var saved = await _w.Service.UpdateAsync(Supervisor, _article.Id,
            new KbArticleInput("Délais de la carte", "Dix jours ouvrés après le dossier complet.", ["délai"]), _article.Version);

        Assert.Equal(2, saved.Revision);
        Assert.NotEqual(_article.Version, saved.Version);
        var history = await _w.Service.HistoryAsync(_article.Id);
        Assert.Equal([2, 1], history.Select(h => h.Revision));
        Assert.True(history[0].Current);
        Assert.Equal("Dix jours ouvrés après le dossier complet.", history[0].Body);
        Assert.Equal(SupervisorName, history[0].EditedBy);
        Assert.Equal(_w.Clock.GetUtcNow(), history[0].EditedAt);
        Assert.False(history[1].Current);
        Assert.Equal(_article.Title, history[1].Title);
        Assert.Equal(_article.Body, history[1].Body);
        Assert.Equal("système", history[1].EditedBy);
    }

    [Fact]
    public async Task Restoring_an_old_revision_makes_it_current_again_as_a_new_revision()
    {
        var edited = await _w.Service.UpdateAsync(Supervisor, _article.Id, new KbArticleInput("Titre erroné", "Texte erroné."), _article.Version);

        var restored = await _w.As("Marc Superviseur").RestoreRevisionAsync(Supervisor, _article.Id, 1, edited.Version);

        Assert.Equal(3, restored.Revision);
        Assert.Equal(_article.Title, restored.Title);
        Assert.Equal(_article.Body, restored.Body);
        var history = await _w.Service.HistoryAsync(_article.Id);
        Assert.Equal([3, 2, 1], history.Select(h => h.Revision));
        Assert.Equal("Texte erroné.", history[1].Body);
        Assert.Equal("Marc Superviseur", history[0].EditedBy);
        Assert.Equal(SupervisorName, history[1].EditedBy);
    }

    [Fact]
    public async Task Saving_unchanged_text_stores_no_revision()
    {
        var saved = await _w.Service.UpdateAsync(Supervisor, _article.Id,
            new KbArticleInput(_article.Title, _article.Body + "\r\n", _article.Tags), _article.Version);

        Assert.Equal(1, saved.Revision);
        Assert.Equal(0, await _w.CountAsync<KbArticleRevision>());
    }

    [Fact]
    public async Task An_agent_cannot_create_edit_restore_or_archive()
    {
        var input = new KbArticleInput("Titre", "Texte");

        var errors = new[]
        {
            await Assert.ThrowsAsync<KnowledgeBaseException>(() => _w.Service.CreateAsync(Agent, input)),
            await Assert.ThrowsAsync<KnowledgeBaseException>(() => _w.Service.UpdateAsync(Agent, _article.Id, input, _article.Version)),
            await Assert.ThrowsAsync<KnowledgeBaseException>(() => _w.Service.RestoreRevisionAsync(Agent, _article.Id, 1, _article.Version)),
            await Assert.ThrowsAsync<KnowledgeBaseException>(() => _w.Service.ArchiveAsync(Agent, _article.Id, _article.Version)),
        };

        Assert.All(errors, e => Assert.Equal("Seuls les superviseurs peuvent modifier la base de connaissances.", e.Message));
        Assert.Equivalent(_article, await _w.ArticleAsync(_article.Slug), strict: true);
        Assert.Equal(0, await _w.CountAsync<KbArticleRevision>());
    }

    [Fact]
    public async Task A_second_edit_over_the_same_version_is_refused_and_the_first_survives()
    {
        await _w.Service.UpdateAsync(Supervisor, _article.Id, new KbArticleInput(_article.Title, "Texte de Claire."), _article.Version);

        var conflict = await Assert.ThrowsAsync<KbArticleConflictException>(() =>
            _w.As("Marc Superviseur").UpdateAsync(Supervisor, _article.Id, new KbArticleInput(_article.Title, "Texte de Marc."), _article.Version));

        Assert.Contains("modifié par quelqu'un d'autre", conflict.Message);
        var stored = await _w.ArticleAsync(_article.Slug);
        Assert.Equal("Texte de Claire.", stored.Body);
        Assert.Equal(2, stored.Revision);
        Assert.Equal(1, await _w.CountAsync<KbArticleRevision>());
    }

    [Fact]
    public async Task Simultaneous_edits_of_one_version_let_exactly_one_through()
    {
        var bodies = Enumerable.Range(1, 4).Select(i => $"Version {i}.").ToList();

        var attempts = await Task.WhenAll(bodies.Select(async body =>
        {
            try
            {
                await _w.As(body).UpdateAsync(Supervisor, _article.Id, new KbArticleInput(_article.Title, body), _article.Version);
                return body;
            }
            catch (KbArticleConflictException)
            {
                return null;
            }
        }));

        var winner = Assert.Single(attempts, a => a is not null);
        var stored = await _w.ArticleAsync(_article.Slug);
        Assert.Equal(winner, stored.Body);
        Assert.Equal(2, stored.Revision);
        Assert.Equal(1, await _w.CountAsync<KbArticleRevision>());
    }

    [Fact]
    public async Task A_restore_over_a_stale_version_is_a_conflict_too()
    {
        await _w.Service.UpdateAsync(Supervisor, _article.Id, new KbArticleInput(_article.Title, "Nouveau texte."), _article.Version);

        await Assert.ThrowsAsync<KbArticleConflictException>(() => _w.Service.RestoreRevisionAsync(Supervisor, _article.Id, 1, _article.Version));
    }

    [Fact]
    public async Task A_supervisor_creates_an_article_whose_address_comes_from_its_title()
    {
        var created = await _w.Service.CreateAsync(Supervisor, new KbArticleInput("Carte CPE : œuvre d'un mandataire ?", "Texte.", ["Mandataire"]));

        Assert.Equal("carte-cpe-oeuvre-d-un-mandataire", created.Slug);
        Assert.Equal(1, created.Revision);
        Assert.Equal(["mandataire"], created.Tags);
        Assert.Equivalent(created, await _w.Service.GetAsync(created.Id), strict: true);
        var duplicate = await Assert.ThrowsAsync<KnowledgeBaseException>(() =>
            _w.Service.CreateAsync(Supervisor, new KbArticleInput("Autre", "Texte.", Slug: created.Slug)));
        Assert.Contains("déjà", duplicate.Message);
    }

    [Theory]
    [InlineData(null, "Texte", "Le titre de l'article est obligatoire.")]
    [InlineData("Titre", "  ", "Le texte de l'article est vide.")]
    public async Task An_incomplete_article_is_refused_in_french(string? title, string body, string message)
    {
        var error = await Assert.ThrowsAsync<KnowledgeBaseException>(() => _w.Service.CreateAsync(Supervisor, new KbArticleInput(title, body)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task An_archived_article_can_be_brought_back()
    {
        var archived = await _w.Service.ArchiveAsync(Supervisor, _article.Id, _article.Version);

        var back = await _w.Service.ArchiveAsync(Supervisor, _article.Id, archived.Version, archived: false);

        Assert.True(archived.Archived);
        Assert.False(back.Archived);
        Assert.Equal(1, back.Revision);
        Assert.Contains((await _w.Service.SearchAsync("délai")).Items, h => h.Slug == _article.Slug);
    }
}
