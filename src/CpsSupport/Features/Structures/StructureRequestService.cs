using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Accounts;
using CpsSupport.Features.Calendar;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Requests.Rules;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Structures;

/// <summary>
/// The structure forms: F502 (mandataries), F503 (technical administrators of software certificates), F504 (delivery
/// address of the cards). Each use case is one transaction that locks the structure (SELECT … FOR UPDATE), judges the
/// filing with <see cref="RequestRules"/> and, when the file is complete, applies it at once: a designated mandatary has
/// the structure in their access scope the moment the transaction commits, a removed one loses it.
/// </summary>
public sealed class StructureRequestService(IDbContextFactory<CpsDbContext> dbFactory, TimeProvider clock, ICurrentActor actor)
{
    private static readonly CardStatus[] PendingShipment = [CardStatus.Ordered, CardStatus.InProduction, CardStatus.Shipped];

    /// <summary>F502: designates and removes mandataries (legal representative only; each mandatary holds an active card).</summary>
    /// <exception cref="RequestRefusedException">A rule refuses the filing; nothing is saved.</exception>
    public Task<StructureRequestOutcome> ChangeMandatariesAsync(AccessScope scope, StructureFiling filing, IReadOnlyList<Guid> designate, IReadOnlyList<Guid> remove,
        CancellationToken ct = default) =>
        FileAsync(scope, FormCode.F502, filing, designate, remove, null, ct);

    /// <summary>F503: adds and removes technical administrators (legal representative or mandatary; membership contract; active cards).</summary>
    /// <exception cref="RequestRefusedException">A rule refuses the filing; nothing is saved.</exception>
    public Task<StructureRequestOutcome> ChangeTechnicalAdministratorsAsync(AccessScope scope, StructureFiling filing, IReadOnlyList<Guid> add, IReadOnlyList<Guid> remove,
        CancellationToken ct = default) =>
        FileAsync(scope, FormCode.F503, filing, add, remove, null, ct);

    /// <summary>
    /// F504: changes the delivery address of the structure's cards (legal representative or mandatary). The cards still
    /// on their way (ordered, in production, shipped) are flagged: shipped ones left for the old address.
    /// </summary>
    /// <exception cref="RequestRefusedException">A rule refuses the filing; nothing is saved.</exception>
    public Task<StructureRequestOutcome> ChangeDeliveryAddressAsync(AccessScope scope, StructureFiling filing, Address newAddress, CancellationToken ct = default) =>
        FileAsync(scope, FormCode.F504, filing, [], [], newAddress, ct);

    /// <summary>
    /// The identity document of a structure form waiting in "Pièces manquantes" arrived: the filing is judged again on the
    /// registry as it is now and applied, or rejected with the rule that now refuses it. A repeated click does nothing.
    /// </summary>
    public async Task<StructureRequestOutcome> ProvidePiecesAsync(AccessScope scope, Guid requestId, Guid idDocumentAttachmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var found = await db.Requests.VisibleTo(scope)
            .Where(r => r.Id == requestId && (r.Form == FormCode.F502 || r.Form == FormCode.F503 || r.Form == FormCode.F504))
            .Select(r => new { r.StructureId }).SingleOrDefaultAsync(ct) ?? throw new RequestNotFoundException();
        await db.LockAsync<Structure>(found.StructureId!.Value, ct);
        await db.LockAsync<SupportRequest>(requestId, ct);
        var request = await db.Requests.SingleAsync(r => r.Id == requestId, ct);
        if (request.Status is RequestStatus.Completed or RequestStatus.InProgress or RequestStatus.Validated)
            return await OutcomeAsync(db, request.Id, alreadyFiled: true, ct);
        if (request.Status is not (RequestStatus.MissingPieces or RequestStatus.Submitted)) RequestWorkflow.EnsureTransition(request.Status, RequestStatus.Submitted);

        await RequestSteps.HasIdDocumentAsync(db, scope, idDocumentAttachmentId, request.TicketId, ct);
        var details = JsonSerializer.Deserialize<StructureFormDetails>(request.Details, RequestSteps.Json)! with { IdDocumentAttachmentId = idDocumentAttachmentId };
        if (request.Status == RequestStatus.MissingPieces)
        {
            request.Events.Add(new RequestEvent
            {
                Kind = RequestEventKind.PiecesReceived, At = now, Actor = actor.Name, UserId = actor.UserId, RelatedId = idDocumentAttachmentId,
                Text = "Pièces reçues : " + string.Join(", ", request.MissingPieces),
            });
            RequestWorkflow.Move(request, RequestStatus.Submitted, now, actor);
        }
        var facts = await FactsAsync(db, scope, request.Form, request.Channel, request.Capacity, request.DeclarantPersonId, request.StructureId!.Value, details, true,
            ParisClock.DateOf(now), ct);
        var report = RequestRules.CheckStructureForm(facts);
        if (report.Refusal is { } refusal)
            RequestWorkflow.Move(request, RequestStatus.Rejected, now, actor, reason: refusal.Explanation);
        else
            details = await ApplyAsync(db, request, details, facts, now, ct);
        request.Details = JsonSerializer.Serialize(details, RequestSteps.Json);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RequestConflictException(request.Number);
        }
        await tx.CommitAsync(ct);
        return await OutcomeAsync(db, request.Id, alreadyFiled: false, ct);
    }

    /// <summary>The structure's technical administrators, running ones first, or null when the structure is outside the scope.</summary>
    public async Task<IReadOnlyList<TechnicalAdministratorDto>?> TechnicalAdministratorsAsync(AccessScope scope, Guid structureId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Structures.VisibleTo(scope).AnyAsync(s => s.Id == structureId, ct)) return null;
        var today = ParisClock.Today(clock);
        var rows = await db.TechnicalAdministrators.AsNoTracking().Where(t => t.StructureId == structureId)
            .Select(t => new { t.Id, t.PersonId, t.Person!.FirstName, t.Person.LastName, t.StartsOn, t.EndsOn }).ToListAsync(ct);
        return rows.Select(t => new TechnicalAdministratorDto(t.Id, t.PersonId, $"{t.FirstName} {t.LastName.ToUpperInvariant()}", t.StartsOn, t.EndsOn,
                t.StartsOn <= today && (t.EndsOn is null || t.EndsOn >= today)))
            .OrderByDescending(t => t.IsActive).ThenBy(t => t.PersonName).ToList();
    }

    /// <summary>What a structure form did, or null when it is unknown, not a structure form or outside the caller's scope.</summary>
    public async Task<StructureRequestOutcome?> GetOutcomeAsync(AccessScope scope, Guid requestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Requests.VisibleTo(scope).AnyAsync(r => r.Id == requestId && (r.Form == FormCode.F502 || r.Form == FormCode.F503 || r.Form == FormCode.F504), ct)
            ? await OutcomeAsync(db, requestId, alreadyFiled: false, ct)
            : null;
    }

    private async Task<StructureRequestOutcome> FileAsync(AccessScope scope, FormCode form, StructureFiling filing, IReadOnlyList<Guid> added, IReadOnlyList<Guid> removed,
        Address? newAddress, CancellationToken ct)
    {
        var add = added.Distinct().ToList();
        var drop = removed.Distinct().ToList();
        if (add.Intersect(drop).Any()) throw new RequestException("Une même personne ne peut pas être à la fois ajoutée et retirée.");
        if (filing.Comment?.Length > 1000) throw new RequestException("Le commentaire est limité à 1 000 caractères.");
        var address = newAddress is null ? null : Normalize(newAddress);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var today = ParisClock.DateOf(now);
        var (channel, declarant) = await RequestSteps.DeclarantAsync(db, scope, filing.Channel, filing.DeclarantPersonId, ct);
        if (!await db.Structures.VisibleTo(scope).AnyAsync(s => s.Id == filing.StructureId, ct)) throw new RequestNotFoundException("Structure introuvable.");
        await db.LockAsync<Structure>(filing.StructureId, ct);

        var key = DeduplicationKey(form, filing.StructureId, add, drop, address);
        if (await RequestSteps.FindDuplicateAsync(db, key, now, ct) is { } duplicate)
            return await OutcomeAsync(db, duplicate.Id, alreadyFiled: true, ct);

        var hasId = await RequestSteps.HasIdDocumentAsync(db, scope, filing.IdDocumentAttachmentId, filing.TicketId, ct);
        var details = new StructureFormDetails(add, drop, address, RequestSteps.Clean(filing.Comment), filing.IdDocumentAttachmentId);
        var facts = await FactsAsync(db, scope, form, channel, filing.Capacity, declarant, filing.StructureId, details, hasId, today, ct);
        var report = RequestRules.CheckStructureForm(facts).ThrowIfRefused();

        var label = $"{RequestLabels.Form(form)} — {facts.Structure.Name}";
        var request = await RequestSteps.NewAsync(db, scope, form, KindOf(form, add, drop), channel, filing.Capacity, declarant, filing.DeclarantName, now, actor, label, ct);
        request.StructureId = filing.StructureId;
        request.DeduplicationKey = key;
        db.Requests.Add(request);
        if (filing.TicketId is { } ticketId) await RequestSteps.LinkTicketAsync(db, scope, request, ticketId, label, now, actor, ct);

        if (report.MissingPieces.Count > 0)
            RequestWorkflow.Move(request, RequestStatus.MissingPieces, now, actor, missingPieces: report.MissingPieces);
        else
            details = await ApplyAsync(db, request, details, facts, now, ct);
        request.Details = JsonSerializer.Serialize(details, RequestSteps.Json);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await OutcomeAsync(db, request.Id, alreadyFiled: false, ct);
    }

    /// <summary>Validates the complete filing and applies it; the request ends "Traitée".</summary>
    private async Task<StructureFormDetails> ApplyAsync(CpsDbContext db, SupportRequest request, StructureFormDetails details, StructureFormFacts facts,
        DateTimeOffset now, CancellationToken ct)
    {
        var today = ParisClock.DateOf(now);
        request.CompleteFileReceivedOn = today;
        RequestWorkflow.Move(request, RequestStatus.Validated, now, actor, text: "dossier complet, règles vérifiées");
        var changes = new List<string>();
        List<Guid>? flagged = null;
        switch (request.Form)
        {
            case FormCode.F502:
                await ApplyMandatesAsync(db, request, facts, today, changes, ct);
                break;
            case FormCode.F503:
                await ApplyAdministratorsAsync(db, request, facts, today, changes, ct);
                break;
            case FormCode.F504:
                flagged = await ApplyDeliveryAddressAsync(db, request, details.NewAddress!, now, changes, ct);
                break;
        }
        foreach (var line in changes) request.Events.Add(RequestSteps.Effect(now, actor, line));
        RequestWorkflow.Move(request, RequestStatus.Completed, now, actor, text: "modifications appliquées");
        return details with { Changes = changes, FlaggedCardIds = flagged };
    }

    private static async Task ApplyMandatesAsync(CpsDbContext db, SupportRequest request, StructureFormFacts facts, DateOnly today,
        List<string> changes, CancellationToken ct)
    {
        var structureId = request.StructureId!.Value;
        foreach (var person in facts.Added ?? [])
        {
            if (person.IsActiveMandatary)
            {
                changes.Add($"{person.Name} est déjà mandataire : rien à changer.");
                continue;
            }
            db.Mandates.Add(new Mandate { StructureId = structureId, PersonId = person.Id, StartsOn = today });
            changes.Add($"{person.Name} désigné(e) mandataire à compter du {CardLifecycle.Day(today)} : accès immédiat aux cartes de la structure.");
            // The mandate gives rights only through a sign-in account: link it in the same transaction.
            changes.Add(await MandataryAccounts.GrantAsync(db, person.Id, person.Name, ct));
        }
        foreach (var person in facts.Removed ?? [])
        {
            var running = await db.Mandates
                .Where(m => m.StructureId == structureId && m.PersonId == person.Id && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today))
                .ToListAsync(ct);
            // Future mandates go too: the legal representative withdraws the person, not one period.
            running.AddRange(await db.Mandates.Where(m => m.StructureId == structureId && m.PersonId == person.Id && m.StartsOn > today).ToListAsync(ct));
            if (running.Count == 0)
            {
                changes.Add($"{person.Name} n'était pas mandataire : rien à retirer.");
                continue;
            }
            // The last day is yesterday: the access goes the moment this commits.
            foreach (var mandate in running) mandate.EndsOn = today.AddDays(-1);
            changes.Add($"Mandat de {person.Name} terminé le {CardLifecycle.Day(today.AddDays(-1))} : accès retiré immédiatement.");
        }
    }

    private static async Task ApplyAdministratorsAsync(CpsDbContext db, SupportRequest request, StructureFormFacts facts, DateOnly today,
        List<string> changes, CancellationToken ct)
    {
        var structureId = request.StructureId!.Value;
        foreach (var person in facts.Added ?? [])
        {
            if (person.IsActiveAdministrator)
            {
                changes.Add($"{person.Name} est déjà administrateur technique : rien à changer.");
                continue;
            }
            db.TechnicalAdministrators.Add(new TechnicalAdministrator { StructureId = structureId, PersonId = person.Id, StartsOn = today });
            changes.Add($"{person.Name} désigné(e) administrateur technique des certificats logiciels à compter du {CardLifecycle.Day(today)}.");
        }
        foreach (var person in facts.Removed ?? [])
        {
            var running = await db.TechnicalAdministrators
                .Where(t => t.StructureId == structureId && t.PersonId == person.Id && (t.EndsOn == null || t.EndsOn >= today))
                .ToListAsync(ct);
            if (running.Count == 0)
            {
                changes.Add($"{person.Name} n'était pas administrateur technique : rien à retirer.");
                continue;
            }
            foreach (var admin in running) admin.EndsOn = today.AddDays(-1);
            changes.Add($"{person.Name} n'est plus administrateur technique (fin le {CardLifecycle.Day(today.AddDays(-1))}).");
        }
    }

    private async Task<List<Guid>> ApplyDeliveryAddressAsync(CpsDbContext db, SupportRequest request, Address address, DateTimeOffset now, List<string> changes,
        CancellationToken ct)
    {
        var structure = await db.Structures.SingleAsync(s => s.Id == request.StructureId, ct);
        var old = structure.DeliveryAddress.ToString();
        // Change the owned address in place: the audit trail records field by field what changed.
        structure.DeliveryAddress.Line1 = address.Line1;
        structure.DeliveryAddress.Line2 = address.Line2;
        structure.DeliveryAddress.PostalCode = address.PostalCode;
        structure.DeliveryAddress.City = address.City;
        structure.DeliveryAddress.Country = address.Country;
        changes.Add($"Adresse de livraison des cartes : {old} → {address}.");

        // Lock the cards on their way, as an incident on one of them would.
        var pending = PendingShipment.Select(s => s.ToString()).ToArray();
        await db.Database.SqlQueryRaw<Guid>("SELECT id AS \"Value\" FROM cards WHERE structure_id = {0} AND status = ANY({1}) FOR UPDATE", structure.Id, pending)
            .ToListAsync(ct);
        var cards = await db.Cards.Where(c => c.StructureId == structure.Id && PendingShipment.Contains(c.Status)).OrderBy(c => c.SerialNumber).ToListAsync(ct);
        var day = CardLifecycle.Day(ParisClock.DateOf(now));
        foreach (var card in cards)
        {
            card.ShipmentFlaggedAt = now;
            card.ShipmentFlag = card.Status == CardStatus.Shipped
                ? $"Expédiée avant le changement d'adresse de livraison du {day} (demande {request.Number}) : partie vers l'ancienne adresse ({old}), vérifier sa réception."
                : $"Adresse de livraison changée le {day} (demande {request.Number}) : à expédier à la nouvelle adresse ({address}).";
            CardLifecycle.Note(card, now, actor, card.ShipmentFlag);
        }
        if (cards.Count > 0) changes.Add($"{cards.Count} envoi(s) en cours signalé(s) : " + string.Join(", ", cards.Select(c => $"{c.SerialNumber} ({CardLabels.Status(c.Status)})")) + ".");
        return cards.Select(c => c.Id).ToList();
    }

    private async Task<StructureFormFacts> FactsAsync(CpsDbContext db, AccessScope scope, FormCode form, RequestChannel channel,
        Tickets.RequesterCapacity capacity, Guid? declarant, Guid structureId, StructureFormDetails details, bool hasIdDocument, DateOnly today, CancellationToken ct)
    {
        var structure = await RequestSteps.StructureFactsAsync(db, structureId, today, ct);
        var declarantHasActiveCard = declarant is { } d && await db.Cards.AnyAsync(c => c.HolderId == d && c.Status == CardStatus.Active, ct);
        return new StructureFormFacts(form, channel, capacity, declarant, structure, hasIdDocument, declarantHasActiveCard,
            await PeopleAsync(db, scope, form, structureId, details.Added, today, ct),
            await PeopleAsync(db, scope, form, structureId, details.Removed, today, ct),
            details.NewAddress);
    }

    /// <summary>The people a form names; a portal user may only name people they can see (their structures' card holders, heads, mandataries).</summary>
    private static async Task<List<NamedPersonFacts>> PeopleAsync(CpsDbContext db, AccessScope scope, FormCode form, Guid structureId, IReadOnlyList<Guid> ids,
        DateOnly today, CancellationToken ct)
    {
        if (ids.Count == 0 || form == FormCode.F504) return [];
        var people = await db.People.AsNoTracking().VisibleTo(scope, db.Cards, db.Structures, db.Mandates).Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                p.FirstName,
                p.LastName,
                HasActiveCard = db.Cards.Any(c => c.HolderId == p.Id && c.Status == CardStatus.Active),
                IsMandatary = db.Mandates.Any(m => m.PersonId == p.Id && m.StructureId == structureId && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today)),
                IsAdministrator = db.TechnicalAdministrators.Any(t => t.PersonId == p.Id && t.StructureId == structureId && t.StartsOn <= today && (t.EndsOn == null || t.EndsOn >= today)),
            })
            .ToListAsync(ct);
        if (people.Count != ids.Count) throw new RequestNotFoundException("Personne introuvable.");
        return ids.Select(id => people.Single(p => p.Id == id))
            .Select(p => new NamedPersonFacts(p.Id, $"{p.FirstName} {p.LastName.ToUpperInvariant()}", p.HasActiveCard, p.IsMandatary, p.IsAdministrator))
            .ToList();
    }

    private static async Task<StructureRequestOutcome> OutcomeAsync(CpsDbContext db, Guid requestId, bool alreadyFiled, CancellationToken ct)
    {
        var request = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == requestId, ct);
        var details = JsonSerializer.Deserialize<StructureFormDetails>(request.Details, RequestSteps.Json)!;
        var ids = details.FlaggedCardIds ?? [];
        var flagged = await db.Cards.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.SerialNumber)
            .Select(c => new FlaggedShipmentDto(c.Id, c.SerialNumber, c.Status, c.ShipmentFlag ?? "")).ToListAsync(ct);
        var changes = details.Changes ?? [];
        var summary = (alreadyFiled ? $"Déjà déposée : demande {request.Number}" : $"Demande {request.Number}")
            + $" ({RequestLabels.Status(request.Status).ToLowerInvariant()})."
            + request.Status switch
            {
                RequestStatus.MissingPieces => $" En attente de : {string.Join(", ", request.MissingPieces).ToLowerInvariant()}. Rien n'est modifié avant leur réception.",
                RequestStatus.Rejected => $" Motif : {request.RejectionReason}",
                _ => changes.Count > 0 ? " " + string.Join(" ", changes) : "",
            };
        return new StructureRequestOutcome(request.Id, request.Number, request.Form, request.Status, alreadyFiled, request.MissingPieces, changes, flagged, summary);
    }

    private static string? KindOf(FormCode form, List<Guid> add, List<Guid> drop) => form switch
    {
        FormCode.F504 => null,
        _ when add.Count > 0 && drop.Count > 0 => "AddAndRemove",
        _ when add.Count > 0 => "Add",
        _ => "Remove",
    };

    /// <summary>Same form, same structure, same people or address: the same request.</summary>
    private static string DeduplicationKey(FormCode form, Guid structureId, List<Guid> add, List<Guid> drop, Address? address)
    {
        var canonical = string.Join("|", add.Order().Select(g => "+" + g.ToString("N")))
            + "|" + string.Join("|", drop.Order().Select(g => "-" + g.ToString("N")))
            + "|" + address;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..32];
        return $"{form}:{structureId:N}:{hash}";
    }

    private static Address Normalize(Address a) => new()
    {
        Line1 = a.Line1?.Trim() ?? "",
        Line2 = RequestSteps.Clean(a.Line2),
        PostalCode = a.PostalCode?.Replace(" ", "").Trim() ?? "",
        City = a.City?.Trim() ?? "",
        Country = string.IsNullOrWhiteSpace(a.Country) ? "France" : a.Country.Trim(),
    };
}
