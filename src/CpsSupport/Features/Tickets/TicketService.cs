using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Mail;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Tickets;

/// <summary>
/// Everything that changes a ticket: creation (phone intake, portal, mail), edits, messages, state, assignment,
/// links and merges. Each method is one transaction; edits of a loaded ticket are saved only over the version the
/// user saw (<see cref="TicketConflictException"/>). Portal users act only on their structures' tickets. Without an
/// <see cref="IMailOutbox"/> (library used without mail delivery), replies stay on the ticket and are not mailed.
/// </summary>
public sealed class TicketService(IDbContextFactory<CpsDbContext> dbFactory, TimeProvider clock, ICurrentActor actor, TicketSla sla, IMailOutbox? outbox = null)
{
    /// <summary>Creates a ticket with the next number of the year, its SLA due dates and, when given, its first note.</summary>
    public async Task<TicketCreated> CreateAsync(AccessScope scope, NewTicket input, CancellationToken ct = default)
    {
        var subject = input.Subject?.Trim();
        if (string.IsNullOrEmpty(subject)) throw new TicketException("L'objet du ticket est obligatoire.");
        if (!scope.IsDesk && (input.StructureId is null || !scope.CanSeeStructure(input.StructureId)))
            throw new TicketException("Choisissez une de vos structures pour cette demande.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var ticket = new Ticket
        {
            Number = TicketNumber.Format(TicketNumber.YearOf(now), await NextSequenceAsync(db, ct)),
            Subject = subject,
            Channel = input.Channel,
            State = input.AssigneeId is null ? TicketState.New : TicketState.InProgress,
            Category = input.Category,
            Priority = input.Priority,
            RequesterCapacity = input.RequesterCapacity,
            RequesterName = Clean(input.RequesterName),
            RequesterEmail = Clean(input.RequesterEmail)?.ToLowerInvariant(),
            RequesterPhone = Clean(input.RequesterPhone),
            PersonId = input.PersonId,
            StructureId = input.StructureId,
            QueueId = input.QueueId,
            AssigneeId = input.AssigneeId,
            Tags = NormalizeTags(input.Tags),
            LastActivityAt = now,
        };
        foreach (var cardId in (input.CardIds ?? []).Distinct()) ticket.Cards.Add(new TicketCard { CardId = cardId });
        await sla.StartAsync(db, ticket, now, ct);
        ticket.Events.Add(Event(TicketEventKind.Created, now, $"Ticket créé ({TicketLabels.Channel(input.Channel).ToLowerInvariant()})"));
        if (Clean(input.FirstNote) is { } note)
        {
            ticket.Messages.Add(new TicketMessage { Kind = input.FirstNoteKind, Body = note, AuthorName = actor.Name, AuthorUserId = actor.UserId, CreatedAt = now });
            if (input.FirstNoteKind is TicketMessageKind.PhoneNote or TicketMessageKind.PublicReply && scope.IsDesk) ticket.FirstRespondedAt = now;
        }
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync(ct);
        return new TicketCreated(ticket.Id, ticket.Number);
    }

    /// <summary>Saves the edited fields over the version the user loaded; the category change moves the SLA targets.</summary>
    public async Task UpdateAsync(AccessScope scope, Guid id, TicketUpdate input, CancellationToken ct = default)
    {
        var subject = input.Subject?.Trim();
        if (string.IsNullOrEmpty(subject)) throw new TicketException("L'objet du ticket est obligatoire.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await LoadAsync(db, scope, id, input.Version, ct);
        var now = clock.GetUtcNow();
        if (ticket.Category != input.Category)
        {
            ticket.Events.Add(Event(TicketEventKind.CategoryChanged, now, $"Catégorie : {TicketLabels.Category(ticket.Category)} → {TicketLabels.Category(input.Category)}"));
            ticket.Category = input.Category;
            await sla.RetargetAsync(db, ticket, now, ct);
        }
        if (ticket.Priority != input.Priority)
        {
            ticket.Events.Add(Event(TicketEventKind.PriorityChanged, now, $"Priorité : {TicketLabels.Priority(ticket.Priority)} → {TicketLabels.Priority(input.Priority)}"));
            ticket.Priority = input.Priority;
        }
        var tags = NormalizeTags(input.Tags);
        if (!tags.SequenceEqual(ticket.Tags))
        {
            ticket.Events.Add(Event(TicketEventKind.TagsChanged, now, tags.Count == 0 ? "Étiquettes retirées" : "Étiquettes : " + string.Join(", ", tags)));
            ticket.Tags = tags;
        }
        ticket.Subject = subject;
        ticket.RequesterCapacity = input.RequesterCapacity;
        ticket.RequesterName = Clean(input.RequesterName);
        ticket.RequesterEmail = Clean(input.RequesterEmail)?.ToLowerInvariant();
        ticket.RequesterPhone = Clean(input.RequesterPhone);
        ticket.PersonId = input.PersonId;
        if (!scope.IsDesk && !scope.CanSeeStructure(input.StructureId)) throw new TicketException("Cette structure ne fait pas partie des vôtres.");
        ticket.StructureId = input.StructureId;
        ticket.QueueId = input.QueueId;
        ticket.LastActivityAt = now;
        await SaveAsync(db, ticket, ct);
    }

    /// <summary>
    /// Adds a reply, note or call note. Replies and call notes by desk staff count as the first response; a public reply
    /// on a new ticket puts it "En cours"; a message from the requester on a ticket waiting for them resumes it. A desk's
    /// public reply is mailed to the requester's address, queued in the same transaction as the message.
    /// </summary>
    public async Task<Guid> AddMessageAsync(AccessScope scope, Guid id, NewTicketMessage input, CancellationToken ct = default)
    {
        var body = Clean(input.Body) ?? throw new TicketException("Le message est vide.");
        if (!scope.IsDesk && input.Kind != TicketMessageKind.PublicReply) throw new TicketException("Seul le support peut ajouter une note interne.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A message for a merged ticket goes to the ticket it was merged into.
        var ticket = await LoadAsync(db, scope, await SurvivorAsync(db, id, ct), null, ct);
        if (ticket.State == TicketState.Closed) throw new TicketException($"Le ticket {ticket.Number} est clos : créez un nouveau ticket.");
        var now = clock.GetUtcNow();
        var message = new TicketMessage { TicketId = ticket.Id, Kind = input.Kind, Body = body, AuthorName = actor.Name, AuthorUserId = actor.UserId, CreatedAt = now };
        await AttachAsync(db, message, input.Attachments, now, ct);
        db.TicketMessages.Add(message);
        if (scope.IsDesk && input.Kind is TicketMessageKind.PublicReply or TicketMessageKind.PhoneNote)
        {
            ticket.FirstRespondedAt ??= now;
            if (ticket.State == TicketState.New) ChangeState(ticket, TicketState.InProgress, now);
        }
        else if (!scope.IsDesk && ticket.State is TicketState.WaitingForRequester or TicketState.Resolved)
        {
            ChangeState(ticket, TicketState.InProgress, now);
        }
        ticket.LastActivityAt = now;
        var mailed = outbox is not null && scope.IsDesk && input.Kind == TicketMessageKind.PublicReply && ticket.RequesterEmail is not null;
        if (mailed) await outbox!.QueueReplyAsync(db, ticket.Id, message.Id, ct);
        await SaveAsync(db, ticket, ct);
        if (mailed) outbox!.DeliverSoon();
        return message.Id;
    }

    /// <summary>Moves the ticket to <paramref name="state"/> if the workflow allows it; pauses or resumes the SLA clock.</summary>
    public async Task ChangeStateAsync(AccessScope scope, Guid id, TicketState state, uint? version = null, CancellationToken ct = default)
    {
        RequireDesk(scope);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await LoadAsync(db, scope, id, version, ct);
        ChangeState(ticket, state, clock.GetUtcNow());
        await SaveAsync(db, ticket, ct);
    }

    /// <summary>Assigns the ticket (null: unassigns); a new ticket taken by someone goes "En cours".</summary>
    public async Task AssignAsync(AccessScope scope, Guid id, Guid? assigneeId, uint? version = null, CancellationToken ct = default)
    {
        RequireDesk(scope);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await LoadAsync(db, scope, id, version, ct);
        await AssignAsync(db, ticket, assigneeId, clock.GetUtcNow(), ct);
        await SaveAsync(db, ticket, ct);
    }

    /// <summary>Assigns several tickets in one transaction: all or none.</summary>
    public async Task<int> BulkAssignAsync(AccessScope scope, IReadOnlyCollection<Guid> ids, Guid? assigneeId, CancellationToken ct = default)
    {
        RequireDesk(scope);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tickets = await db.Tickets.Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var ticket in tickets) await AssignAsync(db, ticket, assigneeId, now, ct);
        await SaveAllAsync(db, ct);
        return tickets.Count;
    }

    /// <summary>Closes several tickets in one transaction; a ticket whose state cannot go to "Clos" stops the whole batch.</summary>
    public async Task<int> BulkCloseAsync(AccessScope scope, IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        RequireDesk(scope);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tickets = await db.Tickets.Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var ticket in tickets.Where(t => t.State != TicketState.Closed)) ChangeState(ticket, TicketState.Closed, now);
        await SaveAllAsync(db, ct);
        return tickets.Count;
    }

    public async Task LinkCardAsync(AccessScope scope, Guid id, Guid cardId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await LoadAsync(db, scope, id, null, ct);
        var card = await db.Cards.AsNoTracking().VisibleTo(scope).Where(c => c.Id == cardId).Select(c => new { c.Id, c.SerialNumber }).SingleOrDefaultAsync(ct)
            ?? throw new TicketException("Carte introuvable.");
        if (await db.TicketCards.AnyAsync(tc => tc.TicketId == id && tc.CardId == cardId, ct)) return;
        db.TicketCards.Add(new TicketCard { TicketId = id, CardId = cardId });
        var now = clock.GetUtcNow();
        db.TicketEvents.Add(Event(TicketEventKind.CardLinked, now, $"Carte {card.SerialNumber} liée", card.Id, id));
        ticket.LastActivityAt = now;
        await SaveAsync(db, ticket, ct);
    }

    /// <summary>Links two tickets about the same matter; both show the other.</summary>
    public async Task LinkAsync(AccessScope scope, Guid id, Guid otherId, CancellationToken ct = default)
    {
        RequireDesk(scope);
        if (id == otherId) throw new TicketException("Un ticket ne peut pas être lié à lui-même.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await LoadAsync(db, scope, id, null, ct);
        var other = await LoadAsync(db, scope, otherId, null, ct);
        var (a, b) = id.CompareTo(otherId) < 0 ? (id, otherId) : (otherId, id);
        if (await db.TicketLinks.AnyAsync(l => l.TicketId == a && l.OtherTicketId == b, ct)) return;
        var now = clock.GetUtcNow();
        db.TicketLinks.Add(new TicketLink { TicketId = a, OtherTicketId = b, CreatedAt = now });
        ticket.Events.Add(Event(TicketEventKind.Linked, now, $"Lié au ticket {other.Number}", other.Id));
        other.Events.Add(Event(TicketEventKind.Linked, now, $"Lié au ticket {ticket.Number}", ticket.Id));
        await SaveAllAsync(db, ct);
    }

    /// <summary>
    /// Merges <paramref name="sourceId"/> into <paramref name="targetId"/>: messages, cards and tags move to the target,
    /// the source is closed and points to it, so later replies to the source land on the surviving ticket.
    /// </summary>
    public async Task MergeAsync(AccessScope scope, Guid sourceId, Guid targetId, CancellationToken ct = default)
    {
        RequireDesk(scope);
        if (sourceId == targetId) throw new TicketException("Un ticket ne peut pas être fusionné avec lui-même.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var source = await LoadAsync(db, scope, sourceId, null, ct);
        var target = await LoadAsync(db, scope, targetId, null, ct);
        if (source.MergedIntoId is not null) throw new TicketException($"Le ticket {source.Number} a déjà été fusionné.");
        if (target.MergedIntoId is not null || target.State == TicketState.Closed)
            throw new TicketException($"Le ticket {target.Number} est clos ou fusionné : choisissez un ticket ouvert.");
        var now = clock.GetUtcNow();

        await db.TicketMessages.Where(m => m.TicketId == source.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.TicketId, target.Id), ct);
        var targetCards = await db.TicketCards.Where(tc => tc.TicketId == target.Id).Select(tc => tc.CardId).ToListAsync(ct);
        var sourceCards = await db.TicketCards.Where(tc => tc.TicketId == source.Id).ToListAsync(ct);
        foreach (var card in sourceCards.Where(c => !targetCards.Contains(c.CardId))) db.TicketCards.Add(new TicketCard { TicketId = target.Id, CardId = card.CardId });
        target.Tags = NormalizeTags([.. target.Tags, .. source.Tags]);
        target.PersonId ??= source.PersonId;
        target.StructureId ??= source.StructureId;
        target.FirstRespondedAt = Min(target.FirstRespondedAt, source.FirstRespondedAt);
        target.LastActivityAt = now;
        target.Events.Add(Event(TicketEventKind.Merged, now, $"Ticket {source.Number} fusionné dans celui-ci", source.Id));

        source.MergedIntoId = target.Id;
        source.Events.Add(Event(TicketEventKind.Merged, now, $"Fusionné dans le ticket {target.Number}", target.Id));
        if (source.State != TicketState.Closed) ChangeState(source, TicketState.Closed, now, force: true);
        await SaveAllAsync(db, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The surviving ticket of <paramref name="id"/>, following merges (replies to a merged ticket land there).</summary>
    public static async Task<Guid> SurvivorAsync(CpsDbContext db, Guid id, CancellationToken ct)
    {
        for (var hops = 0; hops < 16; hops++)
        {
            var next = await db.Tickets.Where(t => t.Id == id).Select(t => t.MergedIntoId).SingleOrDefaultAsync(ct);
            if (next is null) return id;
            id = next.Value;
        }
        return id;
    }

    /// <summary>Records that the user has the ticket open and returns the others who have it open in the last minute.</summary>
    public async Task<IReadOnlyList<string>> TouchViewerAsync(Guid id, Guid userId, string displayName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO ticket_viewers (ticket_id, user_id, display_name, seen_at) VALUES ({id}, {userId}, {displayName}, {now})
            ON CONFLICT (ticket_id, user_id) DO UPDATE SET seen_at = excluded.seen_at, display_name = excluded.display_name
            """, ct);
        var since = now.AddSeconds(-60);
        return await db.TicketViewers.AsNoTracking()
            .Where(v => v.TicketId == id && v.UserId != userId && v.SeenAt >= since)
            .OrderBy(v => v.DisplayName).Select(v => v.DisplayName).ToListAsync(ct);
    }

    public async Task LeaveViewerAsync(Guid id, Guid userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.TicketViewers.Where(v => v.TicketId == id && v.UserId == userId).ExecuteDeleteAsync(ct);
    }

    /// <summary>The attachment's content if its ticket is visible to the caller (internal notes' files only to the desk).</summary>
    public async Task<AttachmentContent?> OpenAttachmentAsync(AccessScope scope, Guid attachmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Tickets.VisibleTo(scope);
        var found = await db.Attachments.AsNoTracking().Where(a => a.Id == attachmentId)
            .Join(db.TicketMessages, a => a.MessageId, m => m.Id, (a, m) => new { a, m })
            .Where(x => visible.Any(t => t.Id == x.m.TicketId)
                && (scope.IsDesk || x.m.Kind == TicketMessageKind.PublicReply || x.m.Kind == TicketMessageKind.IncomingMail))
            .Select(x => new { x.a.FileName, x.a.ContentType, x.a.Sha256 }).SingleOrDefaultAsync(ct);
        if (found is null) return null;
        var content = await db.StoredFiles.AsNoTracking().Where(f => f.Sha256 == found.Sha256).Select(f => f.Content).SingleAsync(ct);
        return new AttachmentContent(found.FileName, found.ContentType, content);
    }

    private static async Task AttachAsync(CpsDbContext db, TicketMessage message, IReadOnlyList<NewAttachment>? files, DateTimeOffset now, CancellationToken ct)
    {
        if (files is null || files.Count == 0) return;
        if (files.Count > Files.AttachmentPolicy.MaxCount) throw new TicketException($"Au plus {Files.AttachmentPolicy.MaxCount} pièces jointes par message.");
        foreach (var file in files)
        {
            var (contentType, error) = Files.AttachmentPolicy.Check(file.FileName, file.Content);
            if (error is not null) throw new TicketException(error);
            var hash = await Files.FileStore.AddAsync(db, file.Content, now, ct);
            message.Attachments.Add(new Attachment { FileName = Path.GetFileName(file.FileName), ContentType = contentType!, Size = file.Content.LongLength, Sha256 = hash, CreatedAt = now });
        }
    }

    internal void ChangeState(Ticket ticket, TicketState to, DateTimeOffset now, bool force = false)
    {
        var from = ticket.State;
        if (from == to) return;
        if (!force) TicketStateMachine.EnsureTransition(from, to);
        ticket.State = to;
        sla.OnStateChanged(ticket, from, to, now);
        ticket.LastActivityAt = now;
        ticket.Events.Add(new TicketEvent
        {
            Kind = TicketEventKind.StateChanged, At = now, Actor = actor.Name, FromState = from, ToState = to,
            Text = $"{TicketLabels.State(from)} → {TicketLabels.State(to)}",
        });
    }

    private async Task AssignAsync(CpsDbContext db, Ticket ticket, Guid? assigneeId, DateTimeOffset now, CancellationToken ct)
    {
        if (ticket.AssigneeId == assigneeId) return;
        string text;
        if (assigneeId is { } userId)
        {
            var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct)
                ?? throw new TicketException("Utilisateur inconnu.");
            text = $"Assigné à {name}";
        }
        else
        {
            text = "Désassigné";
        }
        ticket.AssigneeId = assigneeId;
        ticket.Events.Add(Event(TicketEventKind.Assigned, now, text, assigneeId));
        if (assigneeId is not null && ticket.State == TicketState.New) ChangeState(ticket, TicketState.InProgress, now);
        ticket.LastActivityAt = now;
    }

    private static async Task<Ticket> LoadAsync(CpsDbContext db, AccessScope scope, Guid id, uint? version, CancellationToken ct)
    {
        var ticket = await db.Tickets.VisibleTo(scope).SingleOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new TicketNotFoundException();
        // The version the user saw becomes the original value: EF's xmin check then refuses a save over a newer one.
        if (version is { } v && v != ticket.Version) throw new TicketConflictException(ticket.Number);
        if (version is { } expected) db.Entry(ticket).Property(t => t.Version).OriginalValue = expected;
        return ticket;
    }

    private static async Task SaveAsync(CpsDbContext db, Ticket ticket, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new TicketConflictException(ticket.Number);
        }
    }

    private static async Task SaveAllAsync(CpsDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            var number = e.Entries.Select(x => x.Entity).OfType<Ticket>().Select(t => t.Number).FirstOrDefault() ?? "";
            throw new TicketConflictException(number);
        }
    }

    private static async Task<long> NextSequenceAsync(CpsDbContext db, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<long>("SELECT nextval('ticket_number_seq') AS \"Value\"").SingleAsync(ct);

    private TicketEvent Event(TicketEventKind kind, DateTimeOffset at, string text, Guid? relatedId = null, Guid? ticketId = null) =>
        new() { Kind = kind, At = at, Actor = actor.Name, Text = text, RelatedId = relatedId, TicketId = ticketId ?? Guid.Empty };

    private static void RequireDesk(AccessScope scope)
    {
        if (!scope.IsDesk) throw new TicketException("Cette action est réservée au support.");
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static List<string> NormalizeTags(IEnumerable<string>? tags) =>
        (tags ?? []).Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length is > 0 and <= 40).Distinct().Order(StringComparer.Ordinal).ToList();

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
