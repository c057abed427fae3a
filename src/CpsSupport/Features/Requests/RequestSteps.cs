using System.Text.Json;
using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Calendar;
using CpsSupport.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Requests;

/// <summary>
/// The steps every form's filing shares, run inside the form service's transaction: the number, the first timeline
/// entry, the ticket link, the identity-document check, the portal user's own person, duplicates. Orders (F101…)
/// use them too.
/// </summary>
internal static class RequestSteps
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A new request, numbered and "Soumise", with its creation on the timeline (not yet added to the context).</summary>
    public static async Task<SupportRequest> NewAsync(CpsDbContext db, AccessScope scope, FormCode form, string? kind, RequestChannel channel,
        Tickets.RequesterCapacity capacity, Guid? declarantPersonId, string? declarantName, DateTimeOffset now, ICurrentActor actor, string summary, CancellationToken ct)
    {
        var request = new SupportRequest
        {
            Number = await RequestNumber.NextAsync(db, now, ct),
            Form = form,
            Kind = kind,
            Status = RequestStatus.Submitted,
            Channel = channel,
            Capacity = capacity,
            DeclarantPersonId = declarantPersonId,
            DeclarantName = Clean(declarantName),
            FiledByUserId = scope.UserId,
        };
        request.Events.Add(new RequestEvent
        {
            Kind = RequestEventKind.Created, At = now, Actor = actor.Name, UserId = actor.UserId, ToStatus = RequestStatus.Submitted,
            Text = $"Demande {request.Number} déposée ({RequestLabels.Channel(channel)}, {TicketLabels.Capacity(capacity).ToLowerInvariant()}) : {summary}",
        });
        return request;
    }

    /// <summary>
    /// A portal user files in their own name, through the portal: their person is the declarant whatever the input says.
    /// Desk staff file on behalf of the declarant they name.
    /// </summary>
    public static async Task<(RequestChannel Channel, Guid? DeclarantPersonId)> DeclarantAsync(
        CpsDbContext db, AccessScope scope, RequestChannel channel, Guid? declarantPersonId, CancellationToken ct)
    {
        if (scope.IsDesk) return (channel, declarantPersonId);
        var personId = scope.UserId is { } userId
            ? await db.Users.Where(u => u.Id == userId).Select(u => u.PersonId).SingleOrDefaultAsync(ct)
            : null;
        return personId is null
            ? throw new RequestException("Votre compte n'est relié à aucune personne du registre : contactez le support pour déposer cette demande.")
            : (RequestChannel.Portal, personId);
    }

    /// <summary>Links the request to the ticket it was filed from, on both timelines.</summary>
    public static async Task LinkTicketAsync(CpsDbContext db, AccessScope scope, SupportRequest request, Guid ticketId, string label, DateTimeOffset now, ICurrentActor actor, CancellationToken ct)
    {
        var ticket = await db.Tickets.VisibleTo(scope).Where(t => t.Id == ticketId).Select(t => new { t.Id, t.Number }).SingleOrDefaultAsync(ct)
            ?? throw new RequestNotFoundException("Ticket introuvable.");
        request.TicketId = ticket.Id;
        db.TicketEvents.Add(new TicketEvent
        {
            TicketId = ticket.Id, Kind = TicketEventKind.RequestLinked, At = now, Actor = actor.Name, RelatedId = request.Id,
            Text = $"Demande {request.Number} liée : {label}",
        });
        request.Events.Add(new RequestEvent
        {
            Kind = RequestEventKind.TicketLinked, At = now, Actor = actor.Name, UserId = actor.UserId, RelatedId = ticket.Id,
            Text = $"Liée au ticket {ticket.Number}",
        });
    }

    /// <summary>
    /// The identity-document scan is an attachment of a mail received on the ticket (or, without a ticket, any attachment
    /// the caller may see). False when no id is given.
    /// </summary>
    public static async Task<bool> HasIdDocumentAsync(CpsDbContext db, AccessScope scope, Guid? attachmentId, Guid? ticketId, CancellationToken ct)
    {
        if (attachmentId is not { } id) return false;
        var visible = db.Tickets.VisibleTo(scope);
        var found = await db.Attachments.Where(a => a.Id == id)
            .Join(db.TicketMessages, a => a.MessageId, m => m.Id, (a, m) => m.TicketId)
            .AnyAsync(t => visible.Any(v => v.Id == t) && (ticketId == null || t == ticketId), ct);
        return found ? true : throw new RequestNotFoundException("Pièce jointe introuvable : choisissez la copie de la pièce d'identité parmi les pièces jointes du ticket.");
    }

    /// <summary>
    /// The request already filed for the same matter (same <see cref="SupportRequest.DeduplicationKey"/>) that is still
    /// open, or was done today: a repeated click, a second agent on the same call, a mail sent twice.
    /// </summary>
    public static async Task<SupportRequest?> FindDuplicateAsync(CpsDbContext db, string key, DateTimeOffset now, CancellationToken ct)
    {
        var today = ParisClock.DateOf(now);
        var candidates = await db.Requests.AsNoTracking()
            .Where(r => r.DeduplicationKey == key && r.Status != RequestStatus.Rejected)
            .OrderByDescending(r => r.CreatedAt).Take(5).ToListAsync(ct);
        return candidates.FirstOrDefault(r => RequestWorkflow.IsOpen(r.Status) || (r.ClosedAt is { } closed && ParisClock.DateOf(closed) == today));
    }

    /// <summary>Shows the cards on the ticket (their history joins its timeline), once each.</summary>
    public static async Task LinkCardsToTicketAsync(CpsDbContext db, Guid ticketId, IEnumerable<Guid> cardIds, CancellationToken ct)
    {
        var ids = cardIds.Distinct().ToList();
        var linked = await db.TicketCards.Where(tc => tc.TicketId == ticketId && ids.Contains(tc.CardId)).Select(tc => tc.CardId).ToListAsync(ct);
        foreach (var id in ids.Except(linked)) db.TicketCards.Add(new TicketCard { TicketId = ticketId, CardId = id });
    }

    /// <summary>The structure as the rules see it today: its legal representative and running mandates.</summary>
    public static async Task<Rules.StructureFacts> StructureFactsAsync(CpsDbContext db, Guid structureId, DateOnly today, CancellationToken ct)
    {
        var s = await db.Structures.AsNoTracking().Where(x => x.Id == structureId)
            .Select(x => new { x.Id, x.Name, x.Kind, x.LegalRepresentativeId, x.HasMembershipContract }).SingleAsync(ct);
        var mandataries = await db.Mandates.AsNoTracking()
            .Where(m => m.StructureId == structureId && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today))
            .Select(m => m.PersonId).ToListAsync(ct);
        return new Rules.StructureFacts(s.Id, s.Name, s.Kind, s.LegalRepresentativeId, mandataries.ToHashSet(), s.HasMembershipContract);
    }

    public static RequestEvent Effect(DateTimeOffset now, ICurrentActor actor, string text, Guid? relatedId = null) =>
        new() { Kind = RequestEventKind.Effect, At = now, Actor = actor.Name, UserId = actor.UserId, Text = text, RelatedId = relatedId };

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
