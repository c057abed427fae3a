using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Calendar;
using CpsSupport.Features.Paging;
using CpsSupport.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CpsSupport.Features.Requests;

/// <summary>
/// The workflow of every request, whatever its form: reading, status changes, missing pieces, rejection, ticket links,
/// and the reminder-and-closure run of the job. Each change is one transaction that locks the request row
/// (SELECT … FOR UPDATE): two agents clicking at once are served one after the other, and the second finds the work
/// done. Moving a request to the status it already has does nothing and returns false (a repeated click).
/// Filing and the effects on the registry belong to the form services (incidents, structure forms, orders).
/// </summary>
public sealed class RequestService(
    IDbContextFactory<CpsDbContext> dbFactory, TimeProvider clock, ICurrentActor actor, BusinessCalendar calendar, IOptions<MissingPiecesOptions> options,
    Mail.MailOutbox? mail = null)
{
    /// <summary>Forms whose validation and processing apply effects on the registry: they go through their form service.</summary>
    private static readonly FormCode[] FormsWithEffects = [FormCode.F501, FormCode.F502, FormCode.F503, FormCode.F504];

    /// <summary>Searches by number, card serial, structure or declarant; a portal user gets their structures' requests and their own.</summary>
    public async Task<PagedResult<RequestRow>> SearchAsync(AccessScope scope, RequestQuery query, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var requests = db.Requests.AsNoTracking().VisibleTo(scope);
        if (query.Form is { } form) requests = requests.Where(r => r.Form == form);
        if (query.Status is { } status) requests = requests.Where(r => r.Status == status);
        if (query.OpenOnly) requests = requests.Where(r => r.Status != RequestStatus.Completed && r.Status != RequestStatus.Rejected);
        if (query.StructureId is { } structureId) requests = requests.Where(r => r.StructureId == structureId);
        if (query.CardId is { } cardId) requests = requests.Where(r => r.CardId == cardId);
        if (query.PersonId is { } personId) requests = requests.Where(r => r.PersonId == personId || r.DeclarantPersonId == personId);
        if (query.TicketId is { } ticketId) requests = requests.Where(r => r.TicketId == ticketId);
        if (SearchText.Normalize(query.Search) is { } text)
        {
            var compact = text.Replace(" ", "").ToUpperInvariant();
            var pattern = SearchText.LikePattern(text);
            requests = requests.Where(r => r.Number == compact || r.Card!.SerialNumber == compact
                || EF.Functions.ILike(r.Number, pattern) || EF.Functions.ILike(r.Structure!.Name, pattern)
                || EF.Functions.ILike(r.DeclarantName!, pattern) || EF.Functions.ILike(r.Person!.LastName, pattern));
        }
        var total = await requests.CountAsync(ct);
        var sorted = (page.SortBy, page.Descending) switch
        {
            ("Number", false) => requests.OrderBy(r => r.Number),
            ("Number", true) => requests.OrderByDescending(r => r.Number),
            ("Status", false) => requests.OrderBy(r => r.Status).ThenByDescending(r => r.CreatedAt),
            ("Status", true) => requests.OrderByDescending(r => r.Status).ThenByDescending(r => r.CreatedAt),
            ("Form", false) => requests.OrderBy(r => r.Form).ThenByDescending(r => r.CreatedAt),
            ("Form", true) => requests.OrderByDescending(r => r.Form).ThenByDescending(r => r.CreatedAt),
            ("CreatedAt", false) => requests.OrderBy(r => r.CreatedAt),
            _ => requests.OrderByDescending(r => r.CreatedAt),
        };
        var items = await sorted.Skip(page.Skip).Take(page.Take)
            .Select(r => new RequestRow(r.Id, r.Number, r.Form, r.Kind, r.Status, r.Channel,
                r.StructureId, r.Structure != null ? r.Structure.Name : null,
                r.PersonId, r.Person != null ? r.Person.FirstName + " " + r.Person.LastName.ToUpper() : null,
                r.CardId, r.Card != null ? r.Card.SerialNumber : null,
                r.DeclarantPerson != null ? r.DeclarantPerson.FirstName + " " + r.DeclarantPerson.LastName.ToUpper() : r.DeclarantName,
                r.CreatedAt, r.UpdatedAt))
            .ToListAsync(ct);
        return new PagedResult<RequestRow>(items, total);
    }

    /// <summary>One request with its timeline, or null when absent or outside the caller's scope.</summary>
    public async Task<RequestDetail?> GetAsync(AccessScope scope, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await db.Requests.AsNoTracking().VisibleTo(scope).Where(x => x.Id == id)
            .Select(x => new
            {
                Request = x,
                StructureName = x.Structure != null ? x.Structure.Name : null,
                PersonName = x.Person != null ? x.Person.FirstName + " " + x.Person.LastName.ToUpper() : null,
                DeclarantName = x.DeclarantPerson != null ? x.DeclarantPerson.FirstName + " " + x.DeclarantPerson.LastName.ToUpper() : x.DeclarantName,
                CardSerial = x.Card != null ? x.Card.SerialNumber : null,
                TicketNumber = x.Ticket != null ? x.Ticket.Number : null,
            })
            .SingleOrDefaultAsync(ct);
        if (r is null) return null;
        var x = r.Request;
        var timeline = await db.RequestEvents.AsNoTracking().Where(e => e.RequestId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new RequestEventDto(e.At, e.Kind, e.Actor, e.FromStatus, e.ToStatus, e.Text, e.RelatedId)).ToListAsync(ct);
        return new RequestDetail(x.Id, x.Number, x.Form, x.Kind, x.Status, x.Channel, x.Capacity, x.DeclarantPersonId, r.DeclarantName,
            x.StructureId, r.StructureName, x.PersonId, r.PersonName, x.CardId, r.CardSerial, x.TicketId, r.TicketNumber,
            x.CompleteFileReceivedOn, x.MissingPieces, x.PiecesRequestedAt, x.ReminderCount, x.LastReminderAt, x.RejectionReason, x.CreatedAt, x.ClosedAt,
            x.Version, scope.IsDesk ? RequestWorkflow.NextStatuses(x.Status) : [], timeline);
    }

    /// <summary>
    /// Moves a request along the workflow (desk only). Returns false when it already has that status. With
    /// <paramref name="version"/> (the <see cref="RequestDetail.Version"/> the user saw), a request changed meanwhile is
    /// refused. Validation and processing of F501–F504 go through their form service, which applies their effects.
    /// </summary>
    /// <exception cref="RequestException">The workflow refuses the move; the message says why.</exception>
    public async Task<bool> ChangeStatusAsync(AccessScope scope, Guid id, RequestStatus to, string? reason = null, uint? version = null, CancellationToken ct = default)
    {
        RequireDesk(scope);
        return await ChangeAsync(scope, id, version, (request, now) =>
        {
            if (FormsWithEffects.Contains(request.Form) && to is RequestStatus.Validated or RequestStatus.InProgress or RequestStatus.Completed)
                throw new RequestException($"Une demande {request.Form} est validée et traitée par son formulaire, qui applique ses effets sur le registre : "
                    + "utilisez « Pièces reçues » ou « Rejeter ».");
            if (to == RequestStatus.MissingPieces) throw new RequestException("Indiquez les pièces manquantes.");
            var today = ParisClock.DateOf(now);
            if (request.Status == RequestStatus.MissingPieces && to == RequestStatus.Submitted) PiecesReceived(request, now);
            if (to is RequestStatus.Submitted or RequestStatus.Validated && request.Status != RequestStatus.Draft) request.CompleteFileReceivedOn ??= today;
            return RequestWorkflow.Move(request, to, now, actor, reason: reason);
        }, ct);
    }

    /// <summary>Asks the requester for pieces (desk only): "Pièces manquantes", reminders follow, then automatic closure.</summary>
    public async Task<bool> RequestPiecesAsync(AccessScope scope, Guid id, IReadOnlyList<string> pieces, uint? version = null, CancellationToken ct = default)
    {
        RequireDesk(scope);
        return await ChangeAsync(scope, id, version, (request, now) =>
        {
            var changed = RequestWorkflow.Move(request, RequestStatus.MissingPieces, now, actor, missingPieces: pieces);
            // A new request for pieces restarts the file's clock: the card delays count from the complete file.
            if (changed) request.CompleteFileReceivedOn = null;
            return changed;
        }, ct);
    }

    /// <summary>
    /// The pieces of an order (F101, F201, F301, F414) arrived: back to "Soumise", the file complete from today. Incidents and
    /// structure forms take their pieces through their form service, which applies the effect at once.
    /// </summary>
    public async Task<bool> ReceivePiecesAsync(AccessScope scope, Guid id, CancellationToken ct = default)
    {
        RequireDesk(scope);
        return await ChangeAsync(scope, id, null, (request, now) =>
        {
            if (FormsWithEffects.Contains(request.Form))
                throw new RequestException($"Les pièces d'une demande {request.Form} se déposent depuis son formulaire, qui applique ensuite ses effets.");
            if (request.Status != RequestStatus.MissingPieces) return false;
            PiecesReceived(request, now);
            request.CompleteFileReceivedOn = ParisClock.DateOf(now);
            return RequestWorkflow.Move(request, RequestStatus.Submitted, now, actor);
        }, ct);
    }

    /// <summary>Rejects a request (desk only); the reason is required and shown to the requester.</summary>
    public Task<bool> RejectAsync(AccessScope scope, Guid id, string reason, uint? version = null, CancellationToken ct = default)
    {
        RequireDesk(scope);
        return ChangeAsync(scope, id, version, (request, now) => RequestWorkflow.Move(request, RequestStatus.Rejected, now, actor, reason: reason), ct);
    }

    /// <summary>Submits a draft: its author or the desk.</summary>
    public Task<bool> SubmitAsync(AccessScope scope, Guid id, CancellationToken ct = default) =>
        ChangeAsync(scope, id, null, (request, now) =>
        {
            if (!scope.IsDesk && request.FiledByUserId != scope.UserId) throw new RequestException("Seul l'auteur du brouillon peut le soumettre.");
            return RequestWorkflow.Move(request, RequestStatus.Submitted, now, actor);
        }, ct);

    /// <summary>Links a request to a ticket (both timelines show it); linking it again to the same ticket does nothing.</summary>
    public Task<bool> LinkTicketAsync(AccessScope scope, Guid id, Guid ticketId, CancellationToken ct = default)
    {
        RequireDesk(scope);
        return ChangeAsync(scope, id, null, async (db, request, now) =>
        {
            if (request.TicketId == ticketId) return false;
            await RequestSteps.LinkTicketAsync(db, scope, request, ticketId, $"{RequestLabels.Form(request.Form)}", now, actor, ct);
            if (request.CardId is { } cardId) await RequestSteps.LinkCardsToTicketAsync(db, ticketId, [cardId], ct);
            return true;
        }, ct);
    }

    /// <summary>
    /// The job's run, on business days: requests waiting for pieces past <see cref="MissingPiecesOptions.CloseAfterBusinessDays"/>
    /// are closed ("Rejetée" with the reason); the others are reminded every <see cref="MissingPiecesOptions.ReminderEveryBusinessDays"/>.
    /// Each request is its own transaction under its row lock and re-checked after locking: two runs at once, or a run
    /// racing an agent, do each thing once.
    /// </summary>
    public async Task<MissingPiecesRun> RemindAndCloseMissingPiecesAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        if (settings.ReminderEveryBusinessDays < 1 || settings.CloseAfterBusinessDays < 1)
            throw new InvalidOperationException($"{MissingPiecesOptions.Section}: delays must be at least one business day.");
        var now = clock.GetUtcNow();
        var today = ParisClock.DateOf(now);
        if (!calendar.IsBusinessDay(today)) return new MissingPiecesRun(0, 0);

        List<Guid> waiting;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            waiting = await db.Requests.AsNoTracking().Where(r => r.Status == RequestStatus.MissingPieces && r.PiecesRequestedAt != null)
                .OrderBy(r => r.PiecesRequestedAt).Select(r => r.Id).ToListAsync(ct);
        }
        int reminded = 0, closed = 0;
        foreach (var id in waiting)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.LockAsync<SupportRequest>(id, ct);
            var request = await db.Requests.SingleAsync(r => r.Id == id, ct);
            if (request is not { Status: RequestStatus.MissingPieces, PiecesRequestedAt: { } askedAt }) continue;
            var askedOn = ParisClock.DateOf(askedAt);
            var closesOn = calendar.AddBusinessDays(askedOn, settings.CloseAfterBusinessDays);
            if (today >= closesOn)
            {
                RequestWorkflow.Move(request, RequestStatus.Rejected, now, actor,
                    reason: $"Pièces manquantes non reçues dans le délai de {settings.CloseAfterBusinessDays} jours ouvrés "
                        + $"({string.Join(", ", request.MissingPieces).ToLowerInvariant()}) : la demande est close. Déposez une nouvelle demande avec ces pièces.");
                closed++;
            }
            else if (calendar.BusinessDaysBetween(ParisClock.DateOf(request.LastReminderAt ?? askedAt), today) >= settings.ReminderEveryBusinessDays)
            {
                request.ReminderCount++;
                request.LastReminderAt = now;
                var text = $"Relance n° {request.ReminderCount} de la demande {request.Number} : pièces attendues : "
                    + $"{string.Join(", ", request.MissingPieces).ToLowerInvariant()}. Sans réponse, la demande sera close le {Cards.CardLifecycle.Day(closesOn)}.";
                request.Events.Add(new RequestEvent { Kind = RequestEventKind.ReminderSent, At = now, Actor = actor.Name, UserId = actor.UserId, Text = text });
                await RemindOnTicketAsync(db, request, text, closesOn, now, ct);
                reminded++;
            }
            else
            {
                continue;
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return new MissingPiecesRun(reminded, closed);
    }

    /// <summary>
    /// The reminder reaches the requester as a reply on the ticket the request came from, while that ticket is open, and by
    /// mail (template <c>mail/missing-pieces</c>) when the ticket has the requester's address and mail delivery is set up.
    /// </summary>
    private async Task RemindOnTicketAsync(CpsDbContext db, SupportRequest request, string text, DateOnly closesOn, DateTimeOffset now, CancellationToken ct)
    {
        if (request.TicketId is not { } ticketId) return;
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null || ticket.State == TicketState.Closed) return;
        var message = new TicketMessage
        {
            TicketId = ticketId, Kind = TicketMessageKind.PublicReply, Body = $"Bonjour,\n\n{text}\n\nLe support cartes de l'ANS",
            AuthorName = actor.Name, AuthorUserId = actor.UserId, CreatedAt = now,
        };
        db.TicketMessages.Add(message);
        ticket.LastActivityAt = now;
        if (mail is not null)
        {
            await mail.QueueNotificationAsync(db, ticketId, message.Id, "mail/missing-pieces",
                (mailTicket, desk) => new Mail.MissingPiecesMail(mailTicket, request.Number, [.. request.MissingPieces], closesOn, request.ReminderCount, desk), ct);
        }
    }

    private void PiecesReceived(SupportRequest request, DateTimeOffset now) =>
        request.Events.Add(new RequestEvent
        {
            Kind = RequestEventKind.PiecesReceived, At = now, Actor = actor.Name, UserId = actor.UserId,
            Text = "Pièces reçues : " + string.Join(", ", request.MissingPieces),
        });

    private Task<bool> ChangeAsync(AccessScope scope, Guid id, uint? version, Func<SupportRequest, DateTimeOffset, bool> change, CancellationToken ct) =>
        ChangeAsync(scope, id, version, (_, request, now) => Task.FromResult(change(request, now)), ct);

    /// <summary>Lock, load, check the version, change, save: the one path of every status change.</summary>
    private async Task<bool> ChangeAsync(AccessScope scope, Guid id, uint? version, Func<CpsDbContext, SupportRequest, DateTimeOffset, Task<bool>> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Requests.VisibleTo(scope).AnyAsync(r => r.Id == id, ct)) throw new RequestNotFoundException();
        await db.LockAsync<SupportRequest>(id, ct);
        var request = await db.Requests.SingleAsync(r => r.Id == id, ct);
        var now = clock.GetUtcNow();
        // The version check comes after the idempotence check inside change(): a repeated click on a stale page is harmless.
        if (!await change(db, request, now)) return false;
        if (version is { } seen && seen != request.Version) throw new RequestConflictException(request.Number);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RequestConflictException(request.Number);
        }
        await tx.CommitAsync(ct);
        return true;
    }

    private static void RequireDesk(AccessScope scope)
    {
        if (!scope.IsDesk) throw new RequestException("Cette action est réservée au support.");
    }
}
