using System.Text;
using System.Text.Json;
using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Calendar;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Requests.Rules;
using CpsSupport.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Incidents;

/// <summary>
/// F501 declarations: loss, theft, malfunction, card or codes not received, forgotten or blocked PIN, opposition on
/// request. Each use case is one transaction that locks the card first (SELECT … FOR UPDATE), so two declarations of the
/// same card run one after the other and the second finds the first. The rules are <see cref="RequestRules"/>; a
/// refusal throws <see cref="RequestRefusedException"/> and saves nothing. No PIN or unblock code ever passes through.
/// </summary>
public sealed class IncidentService(IDbContextFactory<CpsDbContext> dbFactory, TimeProvider clock, ICurrentActor actor, BusinessCalendar calendar)
{
    /// <summary>What the rules say about a declaration, without filing it (who may file, channel, card, pieces).</summary>
    public async Task<IncidentCheck> CheckAsync(AccessScope scope, NewIncident input, CancellationToken ct = default)
    {
        Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = ParisClock.Today(clock);
        var (channel, declarant) = await RequestSteps.DeclarantAsync(db, scope, input.Channel, input.DeclarantPersonId, ct);
        if (!await db.Cards.VisibleTo(scope).AnyAsync(c => c.Id == input.CardId, ct)) throw new RequestNotFoundException("Carte introuvable.");
        var card = await db.Cards.AsNoTracking().Include(c => c.Holder).SingleAsync(c => c.Id == input.CardId, ct);
        var hasId = await RequestSteps.HasIdDocumentAsync(db, scope, input.IdDocumentAttachmentId, input.TicketId, ct);
        var report = RequestRules.CheckIncident(await FactsAsync(db, card, Details(input), channel, input.Capacity, declarant ?? DefaultDeclarant(input, card), input.DeclarantName, hasId, today, ct));
        return new IncidentCheck(report.Allowed, report.Results, report.MissingPieces);
    }

    /// <summary>
    /// Files an F501 declaration and, when the file is complete, applies its effect at once: loss, theft, card lost in
    /// the mail or opposition on request → the card is opposed and its certificates revoked; a replacement is ordered
    /// (unless declined for a loss or theft), expected 10 business days after the complete file, codes one business day
    /// later; malfunction → replacement and the faulty card's return awaited; forgotten PIN, codes not received, blocked
    /// PIN without unblock code → a new secure letter the next business day to the correspondence address; blocked PIN
    /// with the code → guidance. By mail without the identity document the request waits in "Pièces manquantes" and the
    /// card is left untouched. A second declaration of the same matter returns the first (<see cref="IncidentOutcome.AlreadyDeclared"/>).
    /// </summary>
    /// <exception cref="RequestRefusedException">A rule refuses the declaration; its explanation says why.</exception>
    /// <exception cref="RequestNotFoundException">The card, ticket or attachment is unknown or outside the caller's scope.</exception>
    public async Task<IncidentOutcome> DeclareAsync(AccessScope scope, NewIncident input, CancellationToken ct = default)
    {
        Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var today = ParisClock.DateOf(now);
        var (channel, declarant) = await RequestSteps.DeclarantAsync(db, scope, input.Channel, input.DeclarantPersonId, ct);
        if (!await db.Cards.VisibleTo(scope).AnyAsync(c => c.Id == input.CardId, ct)) throw new RequestNotFoundException("Carte introuvable.");

        // Lock, then read: a concurrent declaration of this card has committed (or not started) by now.
        await db.LockAsync<Card>(input.CardId, ct);
        var card = await db.Cards.Include(c => c.Holder).Include(c => c.Certificates).SingleAsync(c => c.Id == input.CardId, ct);

        var key = DeduplicationKey(card.Id, input.Kind);
        var duplicate = await RequestSteps.FindDuplicateAsync(db, key, now, ct);
        if (duplicate is null && RequestRules.OpposesCard(input.Kind) && card is { Status: CardStatus.Opposed, OppositionRequestId: { } opposedBy })
            duplicate = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == opposedBy, ct);
        if (duplicate is not null)
        {
            if (input.TicketId is { } otherTicket && otherTicket != duplicate.TicketId)
                await NoteDuplicateOnTicketAsync(db, scope, duplicate, otherTicket, card.Id, now, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return await OutcomeAsync(db, duplicate.Id, alreadyDeclared: true, ct);
        }

        declarant ??= DefaultDeclarant(input, card);
        var hasId = await RequestSteps.HasIdDocumentAsync(db, scope, input.IdDocumentAttachmentId, input.TicketId, ct);
        var details = Details(input);
        var facts = await FactsAsync(db, card, details, channel, input.Capacity, declarant, input.DeclarantName, hasId, today, ct);
        var report = RequestRules.CheckIncident(facts).ThrowIfRefused();

        var label = $"{IncidentLabels.Kind(input.Kind)} — carte {card.SerialNumber} de {card.Holder!.FullName}";
        var request = await RequestSteps.NewAsync(db, scope, FormCode.F501, input.Kind.ToString(), channel, input.Capacity, declarant,
            input.DeclarantName, now, actor, label, ct);
        request.CardId = card.Id;
        request.PersonId = card.HolderId;
        request.StructureId = card.StructureId;
        request.DeduplicationKey = key;
        db.Requests.Add(request);
        if (input.TicketId is { } ticketId) await RequestSteps.LinkTicketAsync(db, scope, request, ticketId, $"F501 {label}", now, actor, ct);

        Card? replacement = null;
        if (report.MissingPieces.Count > 0)
            RequestWorkflow.Move(request, RequestStatus.MissingPieces, now, actor, missingPieces: report.MissingPieces);
        else
            (details, replacement) = await ProcessAsync(db, request, card, details, facts, now, ct);
        request.Details = JsonSerializer.Serialize(details, RequestSteps.Json);
        if (request.TicketId is { } linked) await RequestSteps.LinkCardsToTicketAsync(db, linked, replacement is null ? [card.Id] : [card.Id, replacement.Id], ct);

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await OutcomeAsync(db, request.Id, alreadyDeclared: false, ct);
    }

    /// <summary>
    /// The missing identity document has arrived: the declaration goes back to "Soumise", is judged again on the card as
    /// it is now and, if still allowed, applied (card dates count from today, the day the file became complete). If the
    /// card changed meanwhile so that a rule now refuses it, the request is rejected with that rule's explanation.
    /// A repeated click on a request already processed returns it unchanged.
    /// </summary>
    public async Task<IncidentOutcome> ProvidePiecesAsync(AccessScope scope, Guid requestId, IncidentPieces pieces, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var today = ParisClock.DateOf(now);
        var visible = await db.Requests.VisibleTo(scope).Where(r => r.Id == requestId && r.Form == FormCode.F501)
            .Select(r => new { r.CardId }).SingleOrDefaultAsync(ct) ?? throw new RequestNotFoundException();
        // Same lock order as DeclareAsync (card, then request): no deadlock between the two.
        await db.LockAsync<Card>(visible.CardId!.Value, ct);
        await db.LockAsync<SupportRequest>(requestId, ct);
        var request = await db.Requests.SingleAsync(r => r.Id == requestId, ct);
        if (request.Status is RequestStatus.Completed or RequestStatus.InProgress or RequestStatus.Validated)
            return await OutcomeAsync(db, request.Id, alreadyDeclared: true, ct);
        if (request.Status is not (RequestStatus.MissingPieces or RequestStatus.Submitted)) RequestWorkflow.EnsureTransition(request.Status, RequestStatus.Submitted);

        await RequestSteps.HasIdDocumentAsync(db, scope, pieces.IdDocumentAttachmentId, request.TicketId, ct);
        var details = JsonSerializer.Deserialize<IncidentDetails>(request.Details, RequestSteps.Json)! with { IdDocumentAttachmentId = pieces.IdDocumentAttachmentId };
        if (request.Status == RequestStatus.MissingPieces)
        {
            request.Events.Add(new RequestEvent
            {
                Kind = RequestEventKind.PiecesReceived, At = now, Actor = actor.Name, UserId = actor.UserId, RelatedId = pieces.IdDocumentAttachmentId,
                Text = "Pièces reçues : " + string.Join(", ", request.MissingPieces),
            });
            RequestWorkflow.Move(request, RequestStatus.Submitted, now, actor);
        }

        var card = await db.Cards.Include(c => c.Holder).Include(c => c.Certificates).SingleAsync(c => c.Id == request.CardId, ct);
        var facts = await FactsAsync(db, card, details, request.Channel, request.Capacity, request.DeclarantPersonId, request.DeclarantName, true, today, ct);
        var report = RequestRules.CheckIncident(facts);
        if (report.Refusal is { } refusal)
            RequestWorkflow.Move(request, RequestStatus.Rejected, now, actor, reason: refusal.Explanation);
        else
            (details, _) = await ProcessAsync(db, request, card, details, facts, now, ct);
        request.Details = JsonSerializer.Serialize(details, RequestSteps.Json);
        await SaveAsync(db, request, ct);
        await tx.CommitAsync(ct);
        return await OutcomeAsync(db, request.Id, alreadyDeclared: false, ct);
    }

    /// <summary>What an F501 request did, or null when it is unknown, not an F501 or outside the caller's scope.</summary>
    public async Task<IncidentOutcome?> GetOutcomeAsync(AccessScope scope, Guid requestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Requests.VisibleTo(scope).AnyAsync(r => r.Id == requestId && r.Form == FormCode.F501, ct)
            ? await OutcomeAsync(db, requestId, alreadyDeclared: false, ct)
            : null;
    }

    /// <summary>
    /// The faulty card replaced after a malfunction came back to the desk: it becomes "Restituée" and its certificates are
    /// revoked. Desk only; a second click does nothing.
    /// </summary>
    public async Task RecordFaultyCardReturnAsync(AccessScope scope, Guid cardId, CancellationToken ct = default)
    {
        if (!scope.IsDesk) throw new RequestException("Cette action est réservée au support.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.LockAsync<Card>(cardId, ct)) throw new RequestNotFoundException("Carte introuvable.");
        var card = await db.Cards.Include(c => c.Certificates).SingleAsync(c => c.Id == cardId, ct);
        if (card.Status == CardStatus.Returned) return;
        if (card.ReturnRequestedAt is null) throw new RequestException($"Aucun retour n'est attendu pour la carte {card.SerialNumber}.");
        var now = clock.GetUtcNow();
        card.Status = CardStatus.Returned;
        foreach (var certificate in card.Certificates.Where(c => c.RevokedAt is null))
        {
            certificate.RevokedAt = now;
            certificate.RevocationReason = "Carte défectueuse restituée";
        }
        card.Events.Add(new CardEvent { At = now, Status = CardStatus.Returned, Actor = actor.Name, Reason = "Carte défectueuse reçue en retour" });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Validates the complete declaration and applies its effect on the registry; the request ends "Traitée".</summary>
    private async Task<(IncidentDetails Details, Card? Replacement)> ProcessAsync(CpsDbContext db, SupportRequest request, Card card, IncidentDetails details,
        IncidentFacts facts, DateTimeOffset now, CancellationToken ct)
    {
        var today = ParisClock.DateOf(now);
        request.CompleteFileReceivedOn = today;
        RequestWorkflow.Move(request, RequestStatus.Validated, now, actor, text: "dossier complet, règles vérifiées");
        var kind = details.Kind;
        var why = Reason(details, request);

        if (kind == IncidentKind.Revocation && card.Holder!.RadiatedOn is null && request.Capacity == RequesterCapacity.Authority && details.RadiatedOn is { } radiated)
            card.Holder.RadiatedOn = radiated;

        if (RequestRules.OpposesCard(kind))
        {
            var revoked = CardLifecycle.Oppose(card, why, request.Id, now, actor);
            request.Events.Add(RequestSteps.Effect(now, actor,
                $"Carte {card.SerialNumber} mise en opposition" + (revoked > 0 ? $", {revoked} certificat(s) révoqué(s)" : ""), card.Id));
        }

        Card? replacement = null;
        if (RequestRules.OrdersReplacement(kind, details.DeclineReplacement))
        {
            replacement = await CardLifecycle.OrderReplacementAsync(db, card, request.Id, $"{IncidentLabels.Kind(kind).ToLowerInvariant()}, demande {request.Number}",
                today, calendar, now, actor, ct);
            request.Events.Add(RequestSteps.Effect(now, actor,
                $"Carte de remplacement {replacement.SerialNumber} commandée : attendue le {CardLifecycle.Day(replacement.ExpectedOn)}, codes le {CardLifecycle.Day(replacement.CodesExpectedOn)}",
                replacement.Id));
        }
        else if (kind is IncidentKind.Loss or IncidentKind.Theft)
        {
            request.Events.Add(RequestSteps.Effect(now, actor, "Remplacement refusé par le déclarant : aucune carte commandée"));
        }

        if (kind == IncidentKind.Malfunction)
        {
            card.ReturnRequestedAt = now;
            CardLifecycle.Note(card, now, actor, $"Dysfonctionnement (demande {request.Number}) : retour de la carte défectueuse attendu");
            request.Events.Add(RequestSteps.Effect(now, actor, $"Retour de la carte défectueuse {card.SerialNumber} attendu", card.Id));
        }

        PinLetter? letter = null;
        if (RequestRules.NeedsPinLetter(kind, details.HasUnblockCode))
        {
            letter = new PinLetter
            {
                CardId = card.Id,
                RequestId = request.Id,
                Reason = kind switch
                {
                    IncidentKind.CodesNotReceived => PinLetterReason.CodesNotReceived,
                    IncidentKind.BlockedPin => PinLetterReason.BlockedWithoutUnblockCode,
                    _ => PinLetterReason.ForgottenPin,
                },
                SendOn = CardDelays.CodeResentOn(today, calendar),
                To = Copy(card.Holder!.CorrespondenceAddress),
                CreatedAt = now,
            };
            db.PinLetters.Add(letter);
            CardLifecycle.Note(card, now, actor,
                $"Nouveau pli sécurisé (code porteur et code de déblocage) envoyé le {CardLifecycle.Day(letter.SendOn)} à l'adresse de correspondance — demande {request.Number}");
            request.Events.Add(RequestSteps.Effect(now, actor, $"Nouveau pli sécurisé envoyé le {CardLifecycle.Day(letter.SendOn)} à l'adresse de correspondance", letter.Id));
        }

        var guidance = kind == IncidentKind.BlockedPin ? RequestRules.BlockedPinGuidance(details.HasUnblockCode, letter?.SendOn) : null;
        if (guidance is not null && details.HasUnblockCode)
            CardLifecycle.Note(card, now, actor, $"Code porteur bloqué (demande {request.Number}) : procédure de déblocage avec le code de déblocage indiquée au porteur");

        RequestWorkflow.Move(request, RequestStatus.Completed, now, actor, text: facts.Kind == IncidentKind.BlockedPin && details.HasUnblockCode
            ? "procédure de déblocage indiquée"
            : "effets appliqués au registre des cartes");
        return (details with { Guidance = guidance }, replacement);
    }

    private async Task<IncidentOutcome> OutcomeAsync(CpsDbContext db, Guid requestId, bool alreadyDeclared, CancellationToken ct)
    {
        var request = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == requestId, ct);
        var details = JsonSerializer.Deserialize<IncidentDetails>(request.Details, RequestSteps.Json)!;
        var card = await db.Cards.AsNoTracking().Include(c => c.Certificates).SingleAsync(c => c.Id == request.CardId, ct);
        var opposition = card.OppositionRequestId == request.Id && card.OpposedAt is { } at
            ? new OppositionDto(card.Id, card.SerialNumber, at, card.OppositionReason ?? "", card.Certificates.Count(c => c.RevokedAt == at))
            : null;
        var ordered = await db.Cards.AsNoTracking().Where(c => c.OrderedByRequestId == request.Id && c.ReplacesCardId == card.Id)
            .Select(c => new { c.Id, c.SerialNumber, c.Type, c.Status, c.ExpectedOn, c.CodesExpectedOn }).FirstOrDefaultAsync(ct);
        var replacement = ordered is { ExpectedOn: { } expected, CodesExpectedOn: { } codes } && request.CompleteFileReceivedOn is { } complete
            ? new ReplacementDto(ordered.Id, ordered.SerialNumber, ordered.Type, ordered.Status, complete, expected, codes)
            : null;
        var letter = await db.PinLetters.AsNoTracking().Where(l => l.RequestId == request.Id).FirstOrDefaultAsync(ct);
        var letterDto = letter is null ? null : new PinLetterDto(letter.Id, letter.Reason, letter.SendOn, letter.To.ToString());
        var returnExpected = details.Kind == IncidentKind.Malfunction && request.Status == RequestStatus.Completed && card.ReturnRequestedAt is not null;
        return new IncidentOutcome(request.Id, request.Number, details.Kind, request.Status, alreadyDeclared, request.MissingPieces,
            opposition, replacement, letterDto, returnExpected, details.Guidance,
            Summary(request, details, card, opposition, replacement, letterDto, returnExpected, alreadyDeclared));
    }

    private static string Summary(SupportRequest request, IncidentDetails details, Card card, OppositionDto? opposition, ReplacementDto? replacement,
        PinLetterDto? letter, bool returnExpected, bool alreadyDeclared)
    {
        var text = new StringBuilder();
        if (alreadyDeclared) text.Append($"Déjà déclaré : demande {request.Number} ({RequestLabels.Status(request.Status).ToLowerInvariant()}). ");
        else text.Append($"Demande {request.Number} : {RequestLabels.Status(request.Status).ToLowerInvariant()}. ");
        switch (request.Status)
        {
            case RequestStatus.MissingPieces:
                text.Append($"En attente de : {string.Join(", ", request.MissingPieces).ToLowerInvariant()}. La carte {card.SerialNumber} n'est pas modifiée avant leur réception. ");
                break;
            case RequestStatus.Rejected:
                text.Append($"Motif : {request.RejectionReason} ");
                break;
        }
        if (opposition is not null)
            text.Append($"Carte {opposition.SerialNumber} mise en opposition le {CardLifecycle.Day(ParisClock.DateOf(opposition.OpposedAt))}"
                + (opposition.RevokedCertificates > 0 ? $" ({opposition.RevokedCertificates} certificat(s) révoqué(s))" : "") + ". ");
        if (replacement is not null)
            text.Append($"Carte de remplacement {replacement.SerialNumber} commandée : attendue le {CardLifecycle.Day(replacement.CardExpectedOn)}, "
                + $"codes le {CardLifecycle.Day(replacement.CodesExpectedOn)} (dossier complet reçu le {CardLifecycle.Day(replacement.CompleteFileReceivedOn)}). ");
        else if (opposition is not null && details.DeclineReplacement)
            text.Append("Remplacement refusé par le déclarant. ");
        if (returnExpected) text.Append($"Le porteur renvoie la carte défectueuse {card.SerialNumber}. ");
        if (letter is not null) text.Append($"Nouveau pli sécurisé envoyé le {CardLifecycle.Day(letter.SendOn)} à l'adresse de correspondance ({letter.Address}). ");
        if (details.Guidance is { } guidance) text.Append(guidance);
        return text.ToString().Trim();
    }

    private static async Task<IncidentFacts> FactsAsync(CpsDbContext db, Card card, IncidentDetails details, RequestChannel channel, RequesterCapacity capacity,
        Guid? declarant, string? declarantName, bool hasIdDocument, DateOnly today, CancellationToken ct)
    {
        var structure = card.StructureId is { } structureId ? await RequestSteps.StructureFactsAsync(db, structureId, today, ct) : null;
        var shippedAt = await db.CardEvents.AsNoTracking().Where(e => e.CardId == card.Id && e.Status == CardStatus.Shipped)
            .OrderByDescending(e => e.At).Select(e => (DateTimeOffset?)e.At).FirstOrDefaultAsync(ct);
        var holder = card.Holder!;
        var cardFacts = new CardFacts(card.Id, card.SerialNumber, card.Type, card.Status, card.HolderId, holder.FullName, holder.NationalIdKind, holder.RadiatedOn,
            !string.IsNullOrWhiteSpace(holder.CorrespondenceAddress.Line1) && !string.IsNullOrWhiteSpace(holder.CorrespondenceAddress.City),
            card.StructureId, card.ExpectedOn, card.CodesExpectedOn, shippedAt is { } s ? ParisClock.DateOf(s) : null, card.OpposedAt);
        return new IncidentFacts(details.Kind, channel, capacity, declarant, declarantName, cardFacts, structure, today,
            hasIdDocument, details.HasUnblockCode, details.DeclineReplacement, details.Ground, details.RadiatedOn);
    }

    private static async Task NoteDuplicateOnTicketAsync(CpsDbContext db, AccessScope scope, SupportRequest duplicate, Guid ticketId, Guid cardId,
        DateTimeOffset now, CancellationToken ct)
    {
        if (!await db.Tickets.VisibleTo(scope).AnyAsync(t => t.Id == ticketId, ct)) throw new RequestNotFoundException("Ticket introuvable.");
        db.TicketEvents.Add(new TicketEvent
        {
            TicketId = ticketId, Kind = TicketEventKind.RequestLinked, At = now, Actor = "système", RelatedId = duplicate.Id,
            Text = $"Déjà déclaré : demande {duplicate.Number} ({RequestLabels.Status(duplicate.Status).ToLowerInvariant()})",
        });
        await RequestSteps.LinkCardsToTicketAsync(db, ticketId, [cardId], ct);
    }

    private static async Task SaveAsync(CpsDbContext db, SupportRequest request, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RequestConflictException(request.Number);
        }
    }

    /// <summary>The holder declaring for themselves needs no separate declarant: on the phone, the agent has identified the caller as the holder.</summary>
    private static Guid? DefaultDeclarant(NewIncident input, Card card) =>
        input.DeclarantPersonId ?? (input.Capacity == RequesterCapacity.Holder ? card.HolderId : null);

    private static IncidentDetails Details(NewIncident input) =>
        new(input.Kind, input.HasUnblockCode, input.DeclineReplacement, input.Ground, input.RadiatedOn, RequestSteps.Clean(input.Comment), input.IdDocumentAttachmentId);

    private static string DeduplicationKey(Guid cardId, IncidentKind kind) => $"F501:{cardId:N}:{kind}";

    private static string Reason(IncidentDetails details, SupportRequest request)
    {
        var reason = IncidentLabels.Kind(details.Kind);
        if (details.Kind == IncidentKind.CardNotReceived) reason = "Carte non reçue (envoi perdu)";
        if (details.Ground is { } ground && details.Kind == IncidentKind.Revocation) reason += " : " + IncidentLabels.Ground(ground);
        if (details.Comment is { } comment) reason += $" ({comment})";
        reason += $" — demande {request.Number}";
        return reason.Length <= 500 ? reason : reason[..499] + "…";
    }

    private static Structures.Address Copy(Structures.Address a) =>
        new() { Line1 = a.Line1, Line2 = a.Line2, PostalCode = a.PostalCode, City = a.City, Country = a.Country };

    private static void Validate(NewIncident input)
    {
        if (!Enum.IsDefined(input.Kind)) throw new RequestException("Type d'incident inconnu.");
        if (input.Kind == IncidentKind.Revocation && input.Ground is null)
            throw new RequestException("Indiquez le motif de la demande de mise en opposition (cessation d'activité, départ de la structure, décision d'une autorité…).");
        if (input.Comment?.Length > 1000) throw new RequestException("Le commentaire est limité à 1 000 caractères.");
    }
}
