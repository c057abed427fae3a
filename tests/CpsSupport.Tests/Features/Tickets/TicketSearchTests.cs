using CpsSupport.Features.Paging;
using CpsSupport.Features.Tickets;
using static CpsSupport.Tests.Features.Tickets.TicketWorld;

namespace CpsSupport.Tests.Features.Tickets;

/// <summary>French full-text and identifier search against the real PostgreSQL configuration of the migrations.</summary>
public sealed class TicketSearchTests : IAsyncLifetime
{
    private TicketWorld _w = null!;
    private TicketCreated _lost = null!, _stolen = null!, _helene = null!, _reader = null!, _mentionOnly = null!;

    public async Task InitializeAsync()
    {
        _w = await TicketWorld.CreateAsync(ParisTime(2026, 11, 23, 10));
        _lost = await _w.CreateAsync("Appel pharmacienne", TicketCategory.Loss, note: "J'ai perdu ma carte CPS hier à la pharmacie.", personId: _w.HolderA);
        await _w.Tickets.LinkCardAsync(_w.Desk, _lost.Id, _w.CardA);
        _stolen = await _w.CreateAsync("Vol de sacoche", TicketCategory.Theft, note: "Ma carte a été volée avec mon sac.");
        _helene = await _w.CreateAsync("Demande de mise à jour", requesterName: "HELENE MARTIN");
        _reader = await _w.CreateAsync("Lecteur bi-fente", TicketCategory.ReaderSetup, note: "Le lecteur ne reconnaît pas la carte, Cryptolib installée.");
        _mentionOnly = await _w.CreateAsync("Question diverse", note: "En passant : lecteur à changer l'an prochain.");
    }

    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task Perte_carte_finds_a_message_saying_j_ai_perdu_ma_carte()
    {
        var hits = await _w.Queries.SearchAsync(_w.Desk, "perte carte");

        Assert.Equal(_lost.Id, Assert.Single(hits).Id);
        Assert.Contains("perdu", hits[0].Excerpt);
    }

    [Fact]
    public async Task Accents_and_case_are_ignored()
    {
        var hits = await _w.Queries.SearchAsync(_w.Desk, "Hélène");

        Assert.Equal(_helene.Id, Assert.Single(hits).Id);
    }

    [Fact]
    public async Task French_stemming_matches_other_forms_of_a_word()
    {
        var hits = await _w.Queries.SearchAsync(_w.Desk, "vol");

        Assert.Equal(_stolen.Id, Assert.Single(hits).Id);
    }

    [Fact]
    public async Task Subject_match_ranks_above_a_passing_mention()
    {
        var hits = await _w.Queries.SearchAsync(_w.Desk, "lecteur");

        Assert.Equal([_reader.Id, _mentionOnly.Id], hits.Select(h => h.Id));
    }

    [Fact]
    public async Task Ticket_number_whole_or_partial_card_serial_rpps_and_email_find_the_ticket()
    {
        Assert.Equal(_lost.Id, Assert.Single(await _w.Queries.SearchAsync(_w.Desk, _lost.Number)).Id);
        Assert.Equal(_lost.Id, Assert.Single(await _w.Queries.SearchAsync(_w.Desk, _lost.Number[^6..])).Id);
        Assert.Equal(_lost.Id, Assert.Single(await _w.Queries.SearchAsync(_w.Desk, _w.CardASerial)).Id);
        Assert.Equal(_lost.Id, Assert.Single(await _w.Queries.SearchAsync(_w.Desk, "10002813844")).Id);
        Assert.Equal(_lost.Id, Assert.Single(await _w.Queries.SearchAsync(_w.Desk, "durand@example.test")).Id);
    }

    [Fact]
    public async Task Queue_search_filters_with_the_same_matching()
    {
        var page = await _w.Queries.QueueAsync(_w.Desk, new TicketQuery(Search: "carte perdue"), new PageRequest());

        Assert.Equal(_lost.Id, Assert.Single(page.Items).Id);
    }

    [Fact]
    public async Task Operators_typed_by_the_user_are_harmless()
    {
        var hits = await _w.Queries.SearchAsync(_w.Desk, "carte & | ! ( ' :* )");

        Assert.NotEmpty(hits);
    }
}
