using System.Data.Common;
using System.Text.Json;
using CpsSupport.Features.Calendar;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Incidents;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Requests.Rules;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CpsSupport.Tests.Features.Incidents;

/// <summary>F501 declarations against a real PostgreSQL: effects on the card registry, dates in business days, one transaction.</summary>
public sealed class IncidentServiceTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Fact]
    public async Task Loss_declared_on_Friday_1_May_2026_opposes_the_card_revokes_its_certificates_and_orders_a_replacement_expected_19_May_codes_20_May()
    {
        // 1 May (Friday) is a holiday; 8 May and Ascension (14 May) too: ten business days run to Tuesday 19 May.
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 5, 1, 10));

        var outcome = await w.DeclareAsync(IncidentKind.Loss, RequestChannel.Tom);

        Assert.Equal(RequestStatus.Completed, outcome.Status);
        Assert.False(outcome.AlreadyDeclared);
        Assert.Matches(@"^DEM-2026-\d{6}$", outcome.Number);
        var card = await w.CardAsync(w.EmployeeCard);
        Assert.Equal(CardStatus.Opposed, card.Status);
        Assert.Equal(w.Clock.Now, card.OpposedAt);
        Assert.Contains("Perte", card.OppositionReason);
        Assert.Equal(outcome.RequestId, card.OppositionRequestId);
        Assert.All(card.Certificates, c => Assert.Equal(w.Clock.Now, c.RevokedAt));
        Assert.Equal(2, outcome.Opposition!.RevokedCertificates);
        Assert.Single(card.Events, e => e.Status == CardStatus.Opposed);

        var replacement = await w.CardAsync(outcome.Replacement!.CardId);
        Assert.Equal((CardStatus.Ordered, card.Type, card.HolderId, card.StructureId, (Guid?)card.Id), (replacement.Status, replacement.Type, replacement.HolderId, replacement.StructureId, replacement.ReplacesCardId));
        Assert.Equal((D(5, 19), D(5, 20)), (replacement.ExpectedOn!.Value, replacement.CodesExpectedOn!.Value));
        Assert.Equal((D(5, 1), D(5, 19), D(5, 20)), (outcome.Replacement.CompleteFileReceivedOn, outcome.Replacement.CardExpectedOn, outcome.Replacement.CodesExpectedOn));
        Assert.Contains("attendue le 19/05/2026", Assert.Single(replacement.Events).Reason);
        Assert.Contains("attendue le 19/05/2026, codes le 20/05/2026", outcome.Summary);
        Assert.Matches(@"^26\d{8}$", replacement.SerialNumber);

        var detail = (await w.Requests.GetAsync(w.Desk, outcome.RequestId))!;
        Assert.Equal((FormCode.F501, "Loss", RequestChannel.Tom, RequesterCapacity.StructureHead), (detail.Form, detail.Kind, detail.Channel, detail.Capacity));
        Assert.Equal(D(5, 1), detail.CompleteFileReceivedOn);
        Assert.Equal([RequestStatus.Validated, RequestStatus.Completed], detail.Timeline.Where(e => e.Kind == RequestEventKind.StatusChanged).Select(e => e.ToStatus!.Value));
        Assert.Equal(2, detail.Timeline.Count(e => e.Kind == RequestEventKind.Effect));
        Assert.All(detail.Timeline, e => Assert.Equal("Camille Martin", e.Actor));
        Assert.True(await w.ReadAsync(db => db.AuditEvents.AnyAsync(a => a.EntityType == nameof(Card) && a.EntityId == w.EmployeeCard.ToString() && a.Action == "Modified")));
    }

    [Fact]
    public async Task Card_page_shows_the_opposition_the_revoked_certificates_and_the_replacement_with_its_dates()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 5, 1, 10));
        var outcome = await w.DeclareAsync(IncidentKind.Loss, RequestChannel.Tom);
        var cards = new CardService(w.Factory);

        var old = (await cards.GetAsync(w.Desk, w.EmployeeCard))!;
        var replacement = (await cards.GetAsync(w.Desk, outcome.Replacement!.CardId))!;

        Assert.Equal((CardStatus.Opposed, (Guid?)replacement.Id), (old.Status, old.ReplacedByCardId));
        Assert.All(old.Certificates!, c => Assert.NotNull(c.RevokedAt));
        Assert.Equal(CardStatus.Opposed, old.Events[^1].Status);
        Assert.Equal((w.EmployeeCard, D(5, 19), D(5, 20)), (replacement.ReplacesCardId!.Value, replacement.ExpectedOn!.Value, replacement.CodesExpectedOn!.Value));
    }

    [Fact]
    public async Task Theft_declared_by_phone_on_Thursday_7_May_by_the_holder_with_the_unblock_code_brings_the_card_on_26_May_past_8_May_Ascension_and_Whit_Monday()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 5, 7, 15));

        var outcome = await w.DeclareAsync(IncidentKind.Theft, RequestChannel.Phone, RequesterCapacity.Holder, unblockCode: true);

        Assert.Equal(RequestStatus.Completed, outcome.Status);
        Assert.Equal((D(5, 26), D(5, 27)), (outcome.Replacement!.CardExpectedOn, outcome.Replacement.CodesExpectedOn));
        Assert.Equal(10, CpsSupport.Features.Calendar.BusinessCalendar.Default.BusinessDaysBetween(D(5, 7), outcome.Replacement.CardExpectedOn));
        Assert.Equal(CardStatus.Opposed, (await w.CardAsync(w.EmployeeCard)).Status);
    }

    [Fact]
    public async Task Loss_with_replacement_declined_opposes_the_card_and_orders_nothing()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 10, 9));

        var outcome = await w.DeclareAsync(IncidentKind.Loss, declineReplacement: true);

        Assert.NotNull(outcome.Opposition);
        Assert.Null(outcome.Replacement);
        Assert.Contains("Remplacement refusé", outcome.Summary);
        Assert.False(await w.ReadAsync(db => db.Cards.AnyAsync(c => c.ReplacesCardId == w.EmployeeCard)));
    }

    [Fact]
    public async Task Malfunction_orders_a_replacement_and_tracks_the_return_of_the_faulty_card()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 3, 2, 11));

        var outcome = await w.DeclareAsync(IncidentKind.Malfunction, RequestChannel.Tom, RequesterCapacity.Mandatary, declarant: w.Mandatary);

        Assert.True(outcome.FaultyCardReturnExpected);
        Assert.Null(outcome.Opposition);
        Assert.Equal((D(3, 16), D(3, 17)), (outcome.Replacement!.CardExpectedOn, outcome.Replacement.CodesExpectedOn));
        var faulty = await w.CardAsync(w.EmployeeCard);
        Assert.Equal(CardStatus.Active, faulty.Status);
        Assert.Equal(w.Clock.Now, faulty.ReturnRequestedAt);

        w.Clock.Advance(TimeSpan.FromDays(5));
        await w.Incidents.RecordFaultyCardReturnAsync(w.Desk, w.EmployeeCard);
        await w.Incidents.RecordFaultyCardReturnAsync(w.Desk, w.EmployeeCard);

        var returned = await w.CardAsync(w.EmployeeCard);
        Assert.Equal(CardStatus.Returned, returned.Status);
        Assert.Single(returned.Events, e => e.Status == CardStatus.Returned);
        Assert.All(returned.Certificates, c => Assert.NotNull(c.RevokedAt));
    }

    [Fact]
    public async Task Card_not_received_after_its_expected_day_is_opposed_as_lost_in_the_mail_and_reissued_with_new_dates()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 5, 21, 10));
        await w.ShipAsync(w.EmployeeCard, Paris.At(2026, 5, 12, 8), D(5, 19));

        var outcome = await w.DeclareAsync(IncidentKind.CardNotReceived, RequestChannel.Phone, RequesterCapacity.Holder, unblockCode: true);

        // Thursday 21 May: Whit Monday (25 May) pushes the new card to Friday 5 June, its codes to Monday 8 June.
        Assert.Equal((D(6, 5), D(6, 8)), (outcome.Replacement!.CardExpectedOn, outcome.Replacement.CodesExpectedOn));
        var lost = await w.CardAsync(w.EmployeeCard);
        Assert.Equal(CardStatus.Opposed, lost.Status);
        Assert.Contains("Carte non reçue", lost.OppositionReason);
    }

    [Fact]
    public async Task Card_not_received_before_its_expected_day_is_refused_with_the_date_and_nothing_is_saved()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 5, 18, 10));
        await w.ShipAsync(w.EmployeeCard, Paris.At(2026, 5, 12, 8), D(5, 19));

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() =>
            w.DeclareAsync(IncidentKind.CardNotReceived, RequestChannel.Tom));

        Assert.Equal(RequestRule.CardNotReceivedOnlyAfterExpectedDate, refusal.Result.Rule);
        Assert.Contains("attendue le 19/05/2026", refusal.Message);
        Assert.Equal(CardStatus.Shipped, (await w.CardAsync(w.EmployeeCard)).Status);
        Assert.Equal(0, await w.ReadAsync(db => db.Requests.CountAsync()));
    }

    [Theory]
    [InlineData(5, 13, 5, 15)] // Wednesday before Ascension: Friday
    [InlineData(5, 22, 5, 26)] // Friday before Whit Monday: Tuesday
    [InlineData(5, 1, 5, 4)]   // Friday 1 May, a holiday: Monday
    public async Task Forgotten_pin_letter_is_sent_the_next_business_day_to_the_correspondence_address(int month, int day, int sendMonth, int sendDay)
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, month, day, 16));

        var outcome = await w.DeclareAsync(IncidentKind.ForgottenPin, RequestChannel.Phone, RequesterCapacity.Holder);

        Assert.Equal(RequestStatus.Completed, outcome.Status);
        Assert.Equal(D(sendMonth, sendDay), outcome.PinLetter!.SendOn);
        Assert.Equal(IncidentWorld.SophieAddress.ToString(), outcome.PinLetter.Address);
        Assert.Null(outcome.Replacement);
        Assert.Null(outcome.Opposition);
        var card = await w.CardAsync(w.EmployeeCard);
        Assert.Equal(CardStatus.Active, card.Status);
        Assert.Contains(card.Events, e => e.Reason!.Contains("Nouveau pli sécurisé") && e.Reason.Contains($"{sendDay:D2}/{sendMonth:D2}/2026"));
        var letter = await w.ReadAsync(db => db.PinLetters.SingleAsync());
        Assert.Equal((PinLetterReason.ForgottenPin, w.EmployeeCard, "Orléans"), (letter.Reason, letter.CardId, letter.To.City));
    }

    [Fact]
    public async Task Blocked_pin_with_the_unblock_code_gives_the_unblock_guidance_and_sends_no_letter()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 5, 22, 10));

        var outcome = await w.DeclareAsync(IncidentKind.BlockedPin, RequestChannel.Phone, RequesterCapacity.Holder, unblockCode: true);

        Assert.Equal(RequestStatus.Completed, outcome.Status);
        Assert.Null(outcome.PinLetter);
        Assert.Contains("outil de déblocage en ligne", outcome.Guidance);
        Assert.Contains("CPAM", outcome.Guidance);
        Assert.Equal(0, await w.ReadAsync(db => db.PinLetters.CountAsync()));
    }

    [Fact]
    public async Task Blocked_pin_without_the_unblock_code_sends_a_new_letter_on_Tuesday_after_Whit_Monday_with_the_guidance()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 5, 22, 10));

        var outcome = await w.DeclareAsync(IncidentKind.BlockedPin, RequestChannel.Phone, RequesterCapacity.Holder, unblockCode: false);

        Assert.Equal(D(5, 26), outcome.PinLetter!.SendOn);
        Assert.Equal(PinLetterReason.BlockedWithoutUnblockCode, outcome.PinLetter.Reason);
        Assert.Contains("26/05/2026", outcome.Guidance);
    }

    [Fact]
    public async Task Codes_not_received_after_their_day_are_sent_again_the_next_business_day()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 5, 29, 10));
        await w.ShipAsync(w.EmployeeCard, Paris.At(2026, 5, 12, 8), D(5, 19), CardStatus.CodesSent);

        var outcome = await w.DeclareAsync(IncidentKind.CodesNotReceived, RequestChannel.Tom);

        Assert.Equal((PinLetterReason.CodesNotReceived, D(6, 1)), (outcome.PinLetter!.Reason, outcome.PinLetter.SendOn));
    }

    [Fact]
    public async Task No_pin_nor_unblock_code_has_a_place_in_the_database()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 5, 22, 10));
        string[] secretish = ["pin", "puk", "unblock", "deblocage", "porteur", "secret"];

        var columns = await w.ReadAsync(db => Task.FromResult(db.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
            .Select(p => p.GetColumnName()).Where(c => c.Split('_').Intersect(secretish).Any()).ToList()));
        Assert.Empty(columns);

        // The declaration keeps only whether the holder had the code, never the code.
        var outcome = await w.DeclareAsync(IncidentKind.BlockedPin, RequestChannel.Phone, RequesterCapacity.Holder, unblockCode: true);
        var details = await w.ReadAsync(db => db.Requests.Where(r => r.Id == outcome.RequestId).Select(r => r.Details).SingleAsync());
        using var json = JsonDocument.Parse(details);
        Assert.Equal(JsonValueKind.True, json.RootElement.GetProperty("hasUnblockCode").ValueKind);
        Assert.DoesNotMatch(@"\b\d{4}\b(?![-/])|\b\d{8}\b", details.Replace(outcome.RequestId.ToString(), ""));
    }

    [Fact]
    public async Task Rpps_end_of_practice_opposition_is_refused_until_radiation_then_accepted_from_the_order_with_its_date()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        var (ticket, scan) = await w.MailWithIdScanAsync("Cessation d'activité");

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => w.DeclareAsync(IncidentKind.Revocation, RequestChannel.Mail,
            cardId: w.NurseCard, idDocument: scan, ticketId: ticket, ground: RevocationGround.EndOfPractice));

        Assert.Equal(RequestRule.RppsOppositionOnlyAfterRadiation, refusal.Result.Rule);
        Assert.Contains("radiation", refusal.Message);
        Assert.Equal(CardStatus.Active, (await w.CardAsync(w.NurseCard)).Status);
        Assert.Equal(0, await w.ReadAsync(db => db.Requests.CountAsync()));

        var outcome = await w.DeclareAsync(IncidentKind.Revocation, RequestChannel.Mail, RequesterCapacity.Authority, declarantName: "Ordre national des infirmiers",
            cardId: w.NurseCard, idDocument: scan, ticketId: ticket, ground: RevocationGround.EndOfPractice, radiatedOn: D(6, 1));

        Assert.Equal(RequestStatus.Completed, outcome.Status);
        Assert.NotNull(outcome.Opposition);
        Assert.Null(outcome.Replacement);
        Assert.Equal(D(6, 1), await w.ReadAsync(db => db.People.Where(p => p.Id == w.Nurse).Select(p => p.RadiatedOn).SingleAsync()));
    }

    [Fact]
    public async Task Mail_declaration_without_identity_scan_waits_for_it_leaving_the_card_untouched_then_the_scan_applies_it_with_dates_from_that_day()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 5, 4, 9));
        var (ticket, scan) = await w.MailWithIdScanAsync();

        var waiting = await w.DeclareAsync(IncidentKind.Loss, RequestChannel.Mail, RequesterCapacity.Holder, ticketId: ticket);

        Assert.Equal(RequestStatus.MissingPieces, waiting.Status);
        Assert.Equal([RequestRules.IdDocumentPiece], waiting.MissingPieces);
        Assert.Equal(CardStatus.Active, (await w.CardAsync(w.EmployeeCard)).Status);

        // A second mail (same request, same day) does not make a second request.
        var again = await w.DeclareAsync(IncidentKind.Loss, RequestChannel.Mail, RequesterCapacity.Holder);
        Assert.True(again.AlreadyDeclared);
        Assert.Equal(waiting.Number, again.Number);

        w.Clock.Now = Paris.At(2026, 5, 13, 14);
        var done = await w.Incidents.ProvidePiecesAsync(w.Desk, waiting.RequestId, new IncidentPieces(scan));

        Assert.Equal(RequestStatus.Completed, done.Status);
        Assert.Empty(done.MissingPieces);
        // The file became complete on Wednesday 13 May: Ascension and Whit Monday push the card to Friday 29 May, codes Monday 1 June.
        Assert.Equal((D(5, 13), D(5, 29), D(6, 1)), (done.Replacement!.CompleteFileReceivedOn, done.Replacement.CardExpectedOn, done.Replacement.CodesExpectedOn));
        Assert.Equal(CardStatus.Opposed, (await w.CardAsync(w.EmployeeCard)).Status);

        var repeated = await w.Incidents.ProvidePiecesAsync(w.Desk, waiting.RequestId, new IncidentPieces(scan));
        Assert.True(repeated.AlreadyDeclared);
        Assert.Equal(1, await w.ReadAsync(db => db.Cards.CountAsync(c => c.ReplacesCardId == w.EmployeeCard)));
        var timeline = (await w.Requests.GetAsync(w.Desk, waiting.RequestId))!.Timeline.Where(e => e.ToStatus is not null).Select(e => e.ToStatus!.Value);
        Assert.Equal([RequestStatus.Submitted, RequestStatus.MissingPieces, RequestStatus.Submitted, RequestStatus.Validated, RequestStatus.Completed], timeline);
    }

    [Fact]
    public async Task Declaring_from_a_ticket_links_the_request_and_both_cards_to_the_ticket()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 10, 9));
        var (ticket, scan) = await w.MailWithIdScanAsync();

        var outcome = await w.DeclareAsync(IncidentKind.Loss, RequestChannel.Mail, RequesterCapacity.Holder, idDocument: scan, ticketId: ticket);

        var linked = await w.ReadAsync(db => db.TicketEvents.SingleAsync(e => e.TicketId == ticket && e.Kind == TicketEventKind.RequestLinked));
        Assert.Equal(outcome.RequestId, linked.RelatedId);
        Assert.Contains(outcome.Number, linked.Text);
        var cards = await w.ReadAsync(db => db.TicketCards.Where(tc => tc.TicketId == ticket).Select(tc => tc.CardId).ToListAsync());
        Assert.Equal(new[] { w.EmployeeCard, outcome.Replacement!.CardId }.Order(), cards.Order());
        Assert.Equal(ticket, (await w.Requests.GetAsync(w.Desk, outcome.RequestId))!.TicketId);

        // The ticket page lists the request with its status as it is now, and its timeline links to it.
        var page = (await new TicketQueryService(w.Factory, w.Clock, new TicketSla(BusinessCalendar.Default)).GetAsync(w.Desk, ticket))!;
        var request = Assert.Single(page.Requests);
        Assert.Equal((outcome.RequestId, outcome.Number, FormCode.F501, "Loss", RequestStatus.Completed, w.EmployeeCardSerial),
            (request.Id, request.Number, request.Form, request.Kind, request.Status, request.CardSerialNumber));
        var entry = Assert.Single(page.Timeline, e => e.Kind == TimelineEntryKind.Request);
        Assert.Equal(outcome.RequestId, entry.RelatedId);
        Assert.EndsWith("— traitée", entry.Text);
    }

    [Fact]
    public async Task Loss_declared_twice_concurrently_gives_one_opposition_and_one_replacement()
    {
        // Whoever takes the card's row lock first holds it a moment: the other declaration is made to wait on it.
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 10, 9), null, new SlowLockInterceptor());

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => w.DeclareAsync(IncidentKind.Loss, RequestChannel.Tom))));

        Assert.Single(outcomes, o => o.AlreadyDeclared);
        Assert.Single(outcomes.Select(o => o.Number).Distinct());
        Assert.All(outcomes, o => Assert.Equal(outcomes[0].Replacement!.CardId, o.Replacement!.CardId));
        Assert.Equal(1, await w.ReadAsync(db => db.Requests.CountAsync()));
        Assert.Equal(1, await w.ReadAsync(db => db.CardEvents.CountAsync(e => e.CardId == w.EmployeeCard && e.Status == CardStatus.Opposed)));
        Assert.Equal(1, await w.ReadAsync(db => db.Cards.CountAsync(c => c.ReplacesCardId == w.EmployeeCard)));
    }

    [Fact]
    public async Task A_theft_declared_after_the_loss_finds_the_card_already_opposed_and_does_nothing()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 10, 9));
        var loss = await w.DeclareAsync(IncidentKind.Loss, RequestChannel.Tom);

        w.Clock.Advance(TimeSpan.FromDays(3));
        var theft = await w.DeclareAsync(IncidentKind.Theft, RequestChannel.Tom);

        Assert.True(theft.AlreadyDeclared);
        Assert.Equal(loss.Number, theft.Number);
        Assert.Equal(1, await w.ReadAsync(db => db.Cards.CountAsync(c => c.ReplacesCardId == w.EmployeeCard)));
    }

    [Fact]
    public async Task Database_refusing_the_replacement_order_leaves_the_card_as_it_was()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 10, 9));
        await w.ReadAsync(db => db.Database.ExecuteSqlRawAsync("""
            CREATE FUNCTION refuse_card_orders() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'commande de carte refusée'; END $$;
            CREATE TRIGGER refuse_card_orders BEFORE INSERT ON cards FOR EACH ROW EXECUTE FUNCTION refuse_card_orders();
            """));
        var before = await w.CardAsync(w.EmployeeCard);

        await Assert.ThrowsAsync<DbUpdateException>(() => w.DeclareAsync(IncidentKind.Loss, RequestChannel.Tom));

        var after = await w.CardAsync(w.EmployeeCard);
        Assert.Equal((CardStatus.Active, (DateTimeOffset?)null, (string?)null, before.Version), (after.Status, after.OpposedAt, after.OppositionReason, after.Version));
        Assert.All(after.Certificates, c => Assert.Null(c.RevokedAt));
        Assert.Equal(before.Events.Count, after.Events.Count);
        Assert.Equal(0, await w.ReadAsync(db => db.Requests.CountAsync()));
        Assert.Equal(0, await w.ReadAsync(db => db.RequestEvents.CountAsync()));
        Assert.False(await w.ReadAsync(db => db.AuditEvents.AnyAsync(a => a.EntityId == w.EmployeeCard.ToString() && a.Action == "Modified")));
    }

    [Fact]
    public async Task Refused_declaration_says_why_in_french_and_saves_nothing()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 10, 9));

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() =>
            w.DeclareAsync(IncidentKind.Loss, RequestChannel.Phone, RequesterCapacity.Holder, unblockCode: false));

        Assert.Equal(RequestRule.PhoneOnlyForHolderWithUnblockCode, refusal.Result.Rule);
        Assert.Contains("code de déblocage", refusal.Message);
        Assert.Equal(0, await w.ReadAsync(db => db.Requests.CountAsync()));
        Assert.Equal(CardStatus.Active, (await w.CardAsync(w.EmployeeCard)).Status);
    }

    [Fact]
    public async Task Check_lists_every_rule_and_the_missing_pieces_before_anything_is_filed()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 10, 9));

        var check = await w.Incidents.CheckAsync(w.Desk, new NewIncident(w.SecretaryCard, IncidentKind.Loss, RequestChannel.Tops, RequesterCapacity.StructureHead, w.Doctor));
        Assert.True(check.Allowed);
        Assert.Contains(check.Rules, r => r.Rule == RequestRule.TopsForLiberalPracticeHeadsForTheirEmployees && r.Allowed);

        var tom = await w.Incidents.CheckAsync(w.Desk, new NewIncident(w.SecretaryCard, IncidentKind.Loss, RequestChannel.Tom, RequesterCapacity.StructureHead, w.Doctor));
        Assert.False(tom.Allowed);
        Assert.Contains("TOPS", tom.Rules.Single(r => !r.Allowed).Explanation);

        var mail = await w.Incidents.CheckAsync(w.Desk, new NewIncident(w.EmployeeCard, IncidentKind.Loss, RequestChannel.Mail, RequesterCapacity.Holder));
        Assert.Equal([RequestRules.IdDocumentPiece], mail.MissingPieces);
        Assert.Equal(0, await w.ReadAsync(db => db.Requests.CountAsync()));
    }

    [Fact]
    public async Task Portal_user_declares_in_their_own_name_through_the_portal_and_cannot_declare_for_another_structure()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 10, 9));
        var scope = await w.HeadScopeAsync();

        await Assert.ThrowsAsync<RequestNotFoundException>(() =>
            w.DeclareAsync(IncidentKind.Loss, RequestChannel.Portal, cardId: w.ClinicCard, scope: scope));
        await Assert.ThrowsAsync<RequestNotFoundException>(() =>
            w.Incidents.CheckAsync(scope, new NewIncident(w.ClinicCard, IncidentKind.Loss, RequestChannel.Portal, RequesterCapacity.StructureHead)));
        Assert.Equal(CardStatus.Active, (await w.CardAsync(w.ClinicCard)).Status);

        // Whatever the input says, the portal user is the declarant and the channel is the portal.
        var outcome = await w.DeclareAsync(IncidentKind.Loss, RequestChannel.Phone, RequesterCapacity.StructureHead, declarant: w.Employee, scope: scope);
        var detail = (await w.Requests.GetAsync(scope, outcome.RequestId))!;
        Assert.Equal((RequestChannel.Portal, (Guid?)w.Head), (detail.Channel, detail.DeclarantPersonId));
    }

    /// <summary>Holds the transaction 300 ms after a row lock is taken, so a concurrent workflow really waits on it.</summary>
    private sealed class SlowLockInterceptor : DbCommandInterceptor
    {
        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FOR UPDATE", StringComparison.Ordinal)) await Task.Delay(300, cancellationToken);
            return result;
        }
    }
}
