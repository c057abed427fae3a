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
    public async Task Whole_email_address_finds_the_requester_and_the_person_tickets_exactly_and_in_any_case()
    {
        var byRequester = await CreateWithRequesterEmailAsync("Carte non reçue", "julien.bernard88@mail.exemple.fr");
        _w.Clock.Advance(TimeSpan.FromMinutes(1));
        var byPerson = await _w.CreateAsync("Code PIN oublié", personId: _w.HolderA);

        var requesterHits = await _w.Queries.SearchAsync(_w.Desk, "Julien.Bernard88@Mail.Exemple.FR");
        var personHits = await _w.Queries.SearchAsync(_w.Desk, "hélène.durand@example.test");

        Assert.Equal(byRequester.Id, Assert.Single(requesterHits).Id);
        // The person's tickets, newest first: the new one, then the loss ticket of the set-up.
        Assert.Equal([byPerson.Id, _lost.Id], personHits.Select(h => h.Id));
    }

    [Fact]
    public async Task Part_of_an_email_address_still_finds_the_tickets_through_the_partial_match()
    {
        var byRequester = await CreateWithRequesterEmailAsync("Carte non reçue", "julien.bernard88@mail.exemple.fr");

        // Whole-looking addresses that no ticket has exactly: the partial match answers.
        Assert.Equal(byRequester.Id, Assert.Single(await _w.Queries.SearchAsync(_w.Desk, "bernard88@mail.exemple.fr")).Id);
        Assert.Equal(_lost.Id, Assert.Single(await _w.Queries.SearchAsync(_w.Desk, "durand@example.test")).Id);
        // Not an address at all: partial.
        Assert.Equal(byRequester.Id, Assert.Single(await _w.Queries.SearchAsync(_w.Desk, "julien.bernard88@mail")).Id);
        Assert.Empty(await _w.Queries.SearchAsync(_w.Desk, "personne@nulle-part.test"));
    }

    [Fact]
    public async Task An_exact_address_is_preferred_to_longer_addresses_containing_it()
    {
        var marie = await CreateWithRequesterEmailAsync("Lecteur", "marie@chu.example.test");
        var anneMarie = await CreateWithRequesterEmailAsync("Mandataire", "anne-marie@chu.example.test");

        Assert.Equal(marie.Id, Assert.Single(await _w.Queries.SearchAsync(_w.Desk, "marie@chu.example.test")).Id);
        Assert.Equal(anneMarie.Id, Assert.Single(await _w.Queries.SearchAsync(_w.Desk, "anne-marie@chu.example.test")).Id);
        Assert.Equal([anneMarie.Id, marie.Id], (await _w.Queries.SearchAsync(_w.Desk, "marie@chu")).Select(h => h.Id));
    }

    [Fact]
    public async Task Exact_email_match_outside_the_portal_scope_falls_back_to_what_the_portal_user_may_see()
    {
        var ofB = await CreateWithRequesterEmailAsync("Établissement B", "marie@chu.example.test", _w.StructureB);
        var ofA = await CreateWithRequesterEmailAsync("Établissement A", "anne-marie@chu.example.test", _w.StructureA);

        // The exact address belongs to a ticket of B only: the portal user of A gets the partial matches she may see.
        Assert.Equal(ofA.Id, Assert.Single(await _w.Queries.SearchAsync(_w.PortalOfA, "marie@chu.example.test")).Id);
        Assert.Equal(ofB.Id, Assert.Single(await _w.Queries.SearchAsync(_w.Desk, "marie@chu.example.test")).Id);
    }

    [Fact]
    public async Task Queue_search_by_email_address_uses_the_same_exact_then_partial_matching()
    {
        var marie = await CreateWithRequesterEmailAsync("Lecteur", "marie@chu.example.test");
        var anneMarie = await CreateWithRequesterEmailAsync("Mandataire", "anne-marie@chu.example.test");

        var exact = await _w.Queries.QueueAsync(_w.Desk, new TicketQuery(Search: "marie@chu.example.test"), new PageRequest());
        var partial = await _w.Queries.QueueAsync(_w.Desk, new TicketQuery(Search: "marie@chu."), new PageRequest());

        Assert.Equal(marie.Id, Assert.Single(exact.Items).Id);
        Assert.Equal(1, exact.TotalCount);
        Assert.Equal(new[] { anneMarie.Id, marie.Id }.Order(), partial.Items.Select(t => t.Id).Order());
        Assert.Equal(2, partial.TotalCount);
    }

    [Fact]
    public async Task Whole_ticket_number_in_any_case_finds_only_that_ticket_and_respects_the_scope()
    {
        var ofB = await _w.CreateAsync("Établissement B", structureId: _w.StructureB);

        Assert.Equal(_lost.Id, Assert.Single(await _w.Queries.SearchAsync(_w.Desk, _lost.Number.ToLowerInvariant())).Id);
        Assert.Equal(ofB.Id, Assert.Single(await _w.Queries.SearchAsync(_w.Desk, ofB.Number)).Id);
        Assert.Empty(await _w.Queries.SearchAsync(_w.PortalOfA, ofB.Number));
    }

    [Fact]
    public async Task Portal_full_text_search_sees_public_messages_of_its_structures_only()
    {
        var ofA = await _w.CreateAsync("Demande A", structureId: _w.StructureA, note: "Le lecteur Cryptolib ne démarre pas.", noteKind: TicketMessageKind.IncomingMail);
        var internalOfA = await _w.CreateAsync("Note A", structureId: _w.StructureA, note: "Lecteur suspect, à surveiller.", noteKind: TicketMessageKind.InternalNote);
        var ofB = await _w.CreateAsync("Demande B", structureId: _w.StructureB, note: "Mon lecteur est cassé.", noteKind: TicketMessageKind.IncomingMail);

        var portal = await _w.Queries.SearchAsync(_w.PortalOfA, "lecteur");
        var desk = await _w.Queries.SearchAsync(_w.Desk, "lecteur");

        Assert.Equal(ofA.Id, Assert.Single(portal).Id);
        Assert.Contains(internalOfA.Id, desk.Select(h => h.Id));
        Assert.Contains(ofB.Id, desk.Select(h => h.Id));
        // Ranking still holds with the unchecked desk candidates: subject matches first.
        Assert.Equal(_reader.Id, desk[0].Id);
    }

    /// <summary>A mailed-in ticket, one minute after the previous one (search hits of identifiers come newest first).</summary>
    private Task<TicketCreated> CreateWithRequesterEmailAsync(string subject, string email, Guid? structureId = null)
    {
        _w.Clock.Advance(TimeSpan.FromMinutes(1));
        return _w.Tickets.CreateAsync(_w.Desk, new NewTicket(subject, TicketChannel.Mail, TicketCategory.Other, StructureId: structureId,
            RequesterName: "Demandeur", RequesterEmail: email, FirstNote: "Message du demandeur.", FirstNoteKind: TicketMessageKind.IncomingMail));
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
