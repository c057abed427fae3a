using System.Text.Json;
using System.Text.RegularExpressions;
using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Paging;
using CpsSupport.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Tickets;

/// <summary>
/// Reads tickets: the queue and its saved views, the ticket page with its timeline, and search (French full text over
/// tickets and messages, exact and partial ticket numbers, card serials, national ids and e-mail addresses).
/// Portal users see only their structures' tickets and never internal notes.
/// </summary>
public sealed partial class TicketQueryService(IDbContextFactory<CpsDbContext> dbFactory, TimeProvider clock, TicketSla sla)
{
    /// <summary>
    /// Most matching tickets (and as many messages) a full-text search ranks. Frequent words ("carte") match hundreds of
    /// thousands of messages: PostgreSQL reads rows until it has this many candidates, so the time grows with it
    /// (2000 took 4 times as long as 500 on the benchmark's 3 million messages, bench/query-plans.md).
    /// </summary>
    public const int RankedMatches = 500;

    /// <summary>
    /// One page of the queue for a saved view and filters. Open views sort by resolution due date (most urgent
    /// first) unless another sort is asked; "Mes tickets" is the caller's, "En retard" is past its due date now.
    /// </summary>
    public async Task<PagedResult<TicketRow>> QueueAsync(AccessScope scope, TicketQuery query, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var tickets = InView(db.Tickets.AsNoTracking().VisibleTo(scope), query.View, query.QueueId, scope.UserId, now);
        if (query.State is { } state) tickets = tickets.Where(t => t.State == state);
        if (query.Category is { } category) tickets = tickets.Where(t => t.Category == category);
        if (query.Priority is { } priority) tickets = tickets.Where(t => t.Priority == priority);
        if (query.AssigneeId is { } assignee) tickets = tickets.Where(t => t.AssigneeId == assignee);
        if (query.QueueId is { } queue && query.View != TicketView.Queue) tickets = tickets.Where(t => t.QueueId == queue);
        if (query.PersonId is { } person) tickets = tickets.Where(t => t.PersonId == person);
        if (query.StructureId is { } structure) tickets = tickets.Where(t => t.StructureId == structure);
        if (query.CardId is { } card) tickets = tickets.Where(t => t.Cards.Any(c => c.CardId == card));
        if (SearchText.Normalize(query.Tag) is { } tag) tickets = tickets.Where(t => t.Tags.Contains(tag.ToLowerInvariant()));
        if (SearchText.Normalize(query.Search) is { } text) tickets = await MatchingAsync(db, tickets, text, ct);

        var total = await tickets.CountAsync(ct);
        var sorted = (page.SortBy, page.Descending) switch
        {
            ("Number", false) => tickets.OrderBy(t => t.Number),
            ("Number", true) => tickets.OrderByDescending(t => t.Number),
            ("CreatedAt", false) => tickets.OrderBy(t => t.CreatedAt),
            ("CreatedAt", true) => tickets.OrderByDescending(t => t.CreatedAt),
            ("LastActivityAt", false) => tickets.OrderBy(t => t.LastActivityAt),
            ("LastActivityAt", true) => tickets.OrderByDescending(t => t.LastActivityAt),
            ("Subject", false) => tickets.OrderBy(t => t.Subject),
            ("Subject", true) => tickets.OrderByDescending(t => t.Subject),
            ("State", false) => tickets.OrderBy(t => t.State).ThenBy(t => t.CreatedAt),
            ("State", true) => tickets.OrderByDescending(t => t.State).ThenBy(t => t.CreatedAt),
            ("Priority", _) => page.Descending
                ? tickets.OrderBy(t => t.Priority == TicketPriority.Urgent ? 0 : t.Priority == TicketPriority.High ? 1 : t.Priority == TicketPriority.Normal ? 2 : 3).ThenBy(t => t.CreatedAt)
                : tickets.OrderByDescending(t => t.Priority == TicketPriority.Urgent ? 0 : t.Priority == TicketPriority.High ? 1 : t.Priority == TicketPriority.Normal ? 2 : 3).ThenBy(t => t.CreatedAt),
            ("ResolutionDueAt", true) => tickets.OrderByDescending(t => t.ResolutionDueAt).ThenBy(t => t.Id),
            _ when query.View is TicketView.Closed or TicketView.All => tickets.OrderByDescending(t => t.CreatedAt),
            // Ascending order puts NULL last in PostgreSQL (tickets without a due date after the others), and a plain
            // column order can be read from the due-date indexes instead of sorting every ticket of the view.
            _ => tickets.OrderBy(t => t.ResolutionDueAt).ThenBy(t => t.Id),
        };
        var rows = await sorted.Skip(page.Skip).Take(page.Take)
            .Select(t => new
            {
                t.Id, t.Number, t.Subject, t.State, t.Category, t.Priority, t.Channel, t.RequesterName,
                PersonName = t.Person != null ? t.Person.FirstName + " " + t.Person.LastName.ToUpper() : null,
                StructureName = t.Structure != null ? t.Structure.Name : null,
                t.AssigneeId, AssigneeName = t.Assignee != null ? t.Assignee.DisplayName : null,
                QueueName = t.Queue != null ? t.Queue.Name : null,
                t.CreatedAt, t.LastActivityAt, t.ResolutionDueAt,
            })
            .ToListAsync(ct);
        var targets = await sla.ResolutionTargetsAsync(db, ct);
        return new PagedResult<TicketRow>(rows.Select(t => new TicketRow(t.Id, t.Number, t.Subject, t.State, t.Category, t.Priority, t.Channel,
            t.RequesterName, t.PersonName, t.StructureName, t.AssigneeId, t.AssigneeName, t.QueueName, t.CreatedAt, t.LastActivityAt,
            t.ResolutionDueAt, sla.StatusOf(t.State, t.ResolutionDueAt, targets[t.Category], now))).ToList(), total);
    }

    /// <summary>
    /// The tickets of a saved view (merged ones never: they live on in their survivor). Shared with the dashboard, whose
    /// counts must match the views its links open.
    /// </summary>
    internal static IQueryable<Ticket> InView(IQueryable<Ticket> tickets, TicketView view, Guid? queueId, Guid? userId, DateTimeOffset now)
    {
        tickets = tickets.Where(t => t.MergedIntoId == null);
        return view switch
        {
            TicketView.Mine => tickets.Where(t => t.AssigneeId == userId && t.State != TicketState.Closed && t.State != TicketState.Resolved),
            TicketView.Unassigned => tickets.Where(t => t.AssigneeId == null && t.State != TicketState.Closed && t.State != TicketState.Resolved),
            TicketView.Overdue => tickets.Where(t => t.ResolutionDueAt != null && t.ResolutionDueAt < now && t.State != TicketState.Closed && t.State != TicketState.Resolved),
            TicketView.WaitingForRequester => tickets.Where(t => t.State == TicketState.WaitingForRequester),
            TicketView.Queue => tickets.Where(t => t.QueueId == queueId && t.State != TicketState.Closed && t.State != TicketState.Resolved),
            TicketView.Closed => tickets.Where(t => t.State == TicketState.Closed || t.State == TicketState.Resolved),
            TicketView.All => tickets,
            _ => tickets.Where(t => t.State != TicketState.Closed && t.State != TicketState.Resolved),
        };
    }

    /// <summary>
    /// Full-text search ranked by relevance: French stemming and accents ignored ("perte carte" finds "j'ai perdu ma
    /// carte", "Hélène" finds "HELENE") over ticket subjects, requesters and every message; identifiers match exactly.
    /// </summary>
    public async Task<IReadOnlyList<TicketSearchHit>> SearchAsync(AccessScope scope, string text, int limit = 20, CancellationToken ct = default)
    {
        var normalized = SearchText.Normalize(text);
        if (normalized is null) return [];
        limit = Math.Clamp(limit, 1, 100);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Tickets.AsNoTracking().VisibleTo(scope);

        var identifierHits = await (await IdentifiersAsync(db, visible, normalized, ct))
            .OrderByDescending(t => t.CreatedAt).Take(limit)
            .Select(t => new TicketSearchHit(t.Id, t.Number, t.Subject, t.State, 1.0, null)).ToListAsync(ct);
        if (identifierHits.Count > 0 || LooksLikeIdentifier(normalized)) return identifierHits;

        if (SearchQuery.ToTsQuery(normalized) is not { } tsquery) return [];
        var ticketRanks = visible.Where(t => t.SearchVector.Matches(EF.Functions.ToTsQuery(SearchConfiguration.Name, tsquery)))
            .Select(t => new { TicketId = t.Id, Rank = t.SearchVector.Rank(EF.Functions.ToTsQuery(SearchConfiguration.Name, tsquery)) * 2 })
            .Take(RankedMatches);
        var messages = db.TicketMessages.AsNoTracking().Where(m => m.SearchVector.Matches(EF.Functions.ToTsQuery(SearchConfiguration.Name, tsquery)));
        // Every message has its ticket (foreign key), and desk staff see every ticket: only a portal user's messages are
        // checked against the visible tickets. The check costs an index probe per candidate (4/5 of the ranking
        // statement's time on the benchmark's 3 million messages, bench/ticket-search-plans.md).
        if (!scope.IsDesk)
            messages = messages.Where(m => (m.Kind == TicketMessageKind.PublicReply || m.Kind == TicketMessageKind.IncomingMail)
                && visible.Any(t => t.Id == m.TicketId));
        var messageRanks = messages
            .Select(m => new { m.TicketId, Rank = m.SearchVector.Rank(EF.Functions.ToTsQuery(SearchConfiguration.Name, tsquery)) })
            .Take(RankedMatches);
        var best = await ticketRanks.Concat(messageRanks)
            .GroupBy(r => r.TicketId).Select(g => new { TicketId = g.Key, Rank = g.Max(r => r.Rank) })
            .OrderByDescending(r => r.Rank).Take(limit).ToListAsync(ct);
        var ids = best.Select(b => b.TicketId).ToList();
        var tickets = await db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new { t.Id, t.Number, t.Subject, t.State, t.MergedIntoId }).ToDictionaryAsync(t => t.Id, ct);
        var excerpts = await db.TicketMessages.AsNoTracking().Where(m => ids.Contains(m.TicketId) && m.SearchVector.Matches(EF.Functions.ToTsQuery(SearchConfiguration.Name, tsquery)))
            .GroupBy(m => m.TicketId).Select(g => new { TicketId = g.Key, Body = g.OrderByDescending(m => m.CreatedAt).First().Body })
            .ToDictionaryAsync(x => x.TicketId, x => x.Body, ct);
        return best.Where(b => tickets.ContainsKey(b.TicketId)).Select(b =>
        {
            var t = tickets[b.TicketId];
            return new TicketSearchHit(t.Id, t.Number, t.Subject, t.State, b.Rank, excerpts.TryGetValue(t.Id, out var body) ? Excerpt(body) : null);
        }).ToList();
    }

    /// <summary>The ticket page: fields, cards, linked tickets and the whole timeline, or null outside the caller's scope.</summary>
    public async Task<TicketDetail?> GetAsync(AccessScope scope, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var t = await db.Tickets.AsNoTracking().VisibleTo(scope).Where(t => t.Id == id)
            .Select(t => new
            {
                Ticket = t,
                PersonName = t.Person != null ? t.Person.FirstName + " " + t.Person.LastName.ToUpper() : null,
                PersonNationalId = t.Person != null ? t.Person.NationalId : null,
                StructureName = t.Structure != null ? t.Structure.Name : null,
                QueueName = t.Queue != null ? t.Queue.Name : null,
                AssigneeName = t.Assignee != null ? t.Assignee.DisplayName : null,
            })
            .SingleOrDefaultAsync(ct);
        if (t is null) return null;
        var ticket = t.Ticket;
        var now = clock.GetUtcNow();

        var cards = await db.TicketCards.AsNoTracking().Where(tc => tc.TicketId == id)
            .Select(tc => new TicketCardDto(tc.Card!.Id, tc.Card.Type, tc.Card.SerialNumber, tc.Card.Status, tc.Card.ValidUntil))
            .ToListAsync(ct);
        var linkedIds = await db.TicketLinks.AsNoTracking().Where(l => l.TicketId == id || l.OtherTicketId == id)
            .Select(l => l.TicketId == id ? l.OtherTicketId : l.TicketId).ToListAsync(ct);
        var merged = await db.Tickets.AsNoTracking().Where(x => x.MergedIntoId == id).Select(x => x.Id).ToListAsync(ct);
        var related = linkedIds.Concat(merged).Distinct().ToList();
        var linked = await db.Tickets.AsNoTracking().VisibleTo(scope).Where(x => related.Contains(x.Id))
            .OrderBy(x => x.Number).Select(x => new LinkedTicketDto(x.Id, x.Number, x.Subject, x.State)).ToListAsync(ct);
        var mergedIntoNumber = ticket.MergedIntoId is { } into
            ? await db.Tickets.AsNoTracking().Where(x => x.Id == into).Select(x => x.Number).SingleOrDefaultAsync(ct)
            : null;

        var timeline = new List<TimelineEntry>();
        var messages = db.TicketMessages.AsNoTracking().Where(m => m.TicketId == id);
        if (!scope.IsDesk) messages = messages.Where(m => m.Kind == TicketMessageKind.PublicReply || m.Kind == TicketMessageKind.IncomingMail);
        foreach (var m in await messages.OrderBy(m => m.CreatedAt)
                     .Select(m => new { m.CreatedAt, m.Kind, m.AuthorName, m.Body, m.Html, m.Id, Attachments = m.Attachments.Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256)).ToList() })
                     .ToListAsync(ct))
        {
            timeline.Add(new TimelineEntry(m.CreatedAt, m.Kind switch
            {
                TicketMessageKind.PublicReply => TimelineEntryKind.PublicReply,
                TicketMessageKind.InternalNote => TimelineEntryKind.InternalNote,
                TicketMessageKind.PhoneNote => TimelineEntryKind.PhoneNote,
                _ => TimelineEntryKind.IncomingMail,
            }, m.AuthorName ?? "", m.Body, m.Id, m.Attachments,
                // Sanitized when the mail was read, and again here: what reaches the page never carries script or remote content.
                m.Html is null ? null : Mail.MailHtml.Sanitize(m.Html)));
        }
        foreach (var e in await db.TicketEvents.AsNoTracking().Where(e => e.TicketId == id).OrderBy(e => e.At).ToListAsync(ct))
            timeline.Add(new TimelineEntry(e.At, TimelineEntryKind.Event, e.Actor, e.Text, e.RelatedId));
        var cardIds = cards.Select(c => c.Id).ToList();
        var since = ticket.CreatedAt.AddDays(-90);
        foreach (var e in await db.CardEvents.AsNoTracking().Where(e => cardIds.Contains(e.CardId) && e.At >= since)
                     .Join(db.Cards, e => e.CardId, c => c.Id, (e, c) => new { e.At, e.Actor, e.Status, e.Reason, c.SerialNumber, c.Id })
                     .ToListAsync(ct))
            timeline.Add(new TimelineEntry(e.At, TimelineEntryKind.CardEvent, e.Actor,
                $"Carte {e.SerialNumber} : {TicketLabels.CardStatus(e.Status)}{(e.Reason is { Length: > 0 } r ? " — " + r : "")}", e.Id));
        // A portal user sees only the requests of their structures (or their own), even on a ticket they may read.
        var requests = await db.Requests.AsNoTracking().VisibleTo(scope).Where(r => r.TicketId == id).OrderBy(r => r.CreatedAt)
            .Select(r => new TicketRequestDto(r.Id, r.Number, r.Form, r.Kind, r.Status, r.Card != null ? r.Card.SerialNumber : null, r.CreatedAt)).ToListAsync(ct);
        foreach (var r in requests)
            timeline.Add(new TimelineEntry(r.CreatedAt, TimelineEntryKind.Request, "",
                $"Demande {r.Number} ({RequestLabels.Form(r.Form)}{(r.CardSerialNumber is { } serial ? ", carte " + serial : "")}) — {RequestLabels.Status(r.Status).ToLowerInvariant()}", r.Id));
        if (scope.IsDesk)
        {
            var key = id.ToString();
            foreach (var a in await db.AuditEvents.AsNoTracking()
                         .Where(a => a.EntityType == nameof(Ticket) && a.EntityId == key && a.Action == "Modified")
                         .OrderBy(a => a.At).Select(a => new { a.At, a.Actor, a.Changes }).ToListAsync(ct))
            {
                var fields = AuditedFields(a.Changes);
                if (fields.Count > 0) timeline.Add(new TimelineEntry(a.At, TimelineEntryKind.Event, a.Actor, "Fiche modifiée : " + string.Join(", ", fields)));
            }
        }

        return new TicketDetail(ticket.Id, ticket.Number, ticket.Subject, ticket.State, ticket.Category, ticket.Priority, ticket.Channel,
            ticket.RequesterCapacity, ticket.RequesterName, ticket.RequesterEmail, ticket.RequesterPhone,
            ticket.PersonId, t.PersonName, t.PersonNationalId, ticket.StructureId, t.StructureName, ticket.QueueId, t.QueueName,
            ticket.AssigneeId, t.AssigneeName, ticket.Tags, ticket.CreatedAt, ticket.FirstRespondedAt, ticket.FirstResponseDueAt,
            ticket.ResolutionDueAt, ticket.ResolvedAt, sla.StatusOf(ticket.State, ticket.ResolutionDueAt, (await sla.ResolutionTargetsAsync(db, ct))[ticket.Category], now),
            ticket.MergedIntoId, mergedIntoNumber, ticket.Version, cards, linked,
            timeline.OrderBy(e => e.At).ThenBy(e => e.Kind).ToList(), requests, ticket.RequesterEmailFailingAt);
    }

    /// <summary>The queues, in their display order.</summary>
    public async Task<IReadOnlyList<TicketQueueDto>> QueuesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.TicketQueues.AsNoTracking().OrderBy(q => q.SortOrder).ThenBy(q => q.Name)
            .Select(q => new TicketQueueDto(q.Id, q.Name)).ToListAsync(ct);
    }

    /// <summary>Desk staff a ticket can be assigned to.</summary>
    public async Task<IReadOnlyList<AssigneeDto>> AssigneesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deskRoles = new[] { Accounts.Roles.Agent, Accounts.Roles.Supervisor };
        return await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && deskRoles.Contains(r.Name!))))
            .OrderBy(u => u.DisplayName).Select(u => new AssigneeDto(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    private static async Task<IQueryable<Ticket>> MatchingAsync(CpsDbContext db, IQueryable<Ticket> tickets, string text, CancellationToken ct)
    {
        if (LooksLikeIdentifier(text)) return await IdentifiersAsync(db, tickets, text, ct);
        if (SearchQuery.ToTsQuery(text) is not { } tsquery) return tickets;
        return tickets.Where(t => t.SearchVector.Matches(EF.Functions.ToTsQuery(SearchConfiguration.Name, tsquery)) || db.TicketMessages.Any(m => m.TicketId == t.Id && m.SearchVector.Matches(EF.Functions.ToTsQuery(SearchConfiguration.Name, tsquery))));
    }

    /// <summary>
    /// A whole ticket number or a whole e-mail address is first looked up exactly, in a btree or a full-text index (well
    /// under a millisecond); the partial matching of <see cref="Identifiers"/> (trigram indexes, whose common trigrams
    /// such as "CPS", "-20" or "exe" make them read thousands of pages) only runs when the exact lookup finds no ticket
    /// the caller may see. So "julien.bernard@mail.fr" finds the tickets of that address, and "bernard@mail.fr" still
    /// finds them through the partial match.
    /// </summary>
    private static async Task<IQueryable<Ticket>> IdentifiersAsync(CpsDbContext db, IQueryable<Ticket> tickets, string text, CancellationToken ct)
    {
        var compact = text.Replace(" ", "");
        IQueryable<Ticket>? exact = null;
        if (FullTicketNumber().IsMatch(compact))
        {
            var number = compact.ToUpperInvariant();
            exact = tickets.Where(t => t.Number == number);
        }
        else if (!TicketNumberLike().IsMatch(compact) && FullEmailAddress().IsMatch(compact))
        {
            var email = compact.ToLowerInvariant();
            // People's addresses as typed or lower-cased (btree ix_people_email); a ticket's requester address through
            // its full-text vector, where the parser keeps an address as one lexeme, then compared whole.
            var addresses = new[] { email, compact }.Distinct().ToList();
            var ids = db.Tickets.Where(t => t.SearchVector.Matches(EF.Functions.PlainToTsQuery(SearchConfiguration.Name, email)) && t.RequesterEmail!.ToLower() == email)
                .Select(t => t.Id)
                .Concat(db.Tickets.Where(t => db.People.Any(p => p.Id == t.PersonId && addresses.Contains(p.Email!))).Select(t => t.Id));
            exact = tickets.Where(t => ids.Contains(t.Id));
        }
        if (exact is not null && await exact.AnyAsync(ct)) return exact;
        return Identifiers(db, tickets, text);
    }

    /// <summary>
    /// Ticket numbers (whole or part), card serials, national ids (8+RPPS, 0+ADELI or bare) and e-mail addresses.
    /// Each kind of identifier is looked up in its own index and the ticket ids are united (<c>id IN (… UNION ALL …)</c>):
    /// an OR across the joined tables would read every ticket.
    /// </summary>
    private static IQueryable<Ticket> Identifiers(CpsDbContext db, IQueryable<Ticket> tickets, string text)
    {
        var compact = text.Replace(" ", "");
        if (TicketNumberLike().IsMatch(compact))
        {
            var pattern = SearchText.LikePattern(compact.ToUpperInvariant());
            return tickets.Where(t => EF.Functions.Like(t.Number, pattern));
        }
        if (compact.Contains('@'))
        {
            var pattern = SearchText.LikePattern(compact.ToLowerInvariant());
            var ids = db.Tickets.Where(t => EF.Functions.Like(t.RequesterEmail!, pattern)).Select(t => t.Id)
                .Concat(db.Tickets.Where(t => db.People.Any(p => p.Id == t.PersonId && EF.Functions.Like(p.Email!, pattern))).Select(t => t.Id));
            return tickets.Where(t => ids.Contains(t.Id));
        }
        if (compact.Length >= 4 && compact.All(char.IsAsciiDigit))
        {
            var nationalIds = SearchText.NationalIdCandidates(compact);
            // Number suffix as a LIKE pattern (trigram index), not EndsWith (right(number, n) = …, not indexable).
            var suffix = "%" + compact;
            var ids = db.Tickets.Where(t => EF.Functions.Like(t.Number, suffix)).Select(t => t.Id)
                .Concat(db.Tickets.Where(t => db.People.Any(p => p.Id == t.PersonId && nationalIds.Contains(p.NationalId!))).Select(t => t.Id))
                .Concat(db.TicketCards.Where(c => c.Card!.SerialNumber == compact).Select(c => c.TicketId));
            return tickets.Where(t => ids.Contains(t.Id));
        }
        return tickets.Where(_ => false);
    }

    private static bool LooksLikeIdentifier(string text)
    {
        var compact = text.Replace(" ", "");
        return TicketNumberLike().IsMatch(compact) || (compact.Contains('@') && !text.Contains(' ')) || (compact.Length >= 4 && compact.All(char.IsAsciiDigit));
    }

    private static readonly HashSet<string> TimelineNoise =
    [
        "UpdatedAt", "LastActivityAt", "Version", "State", "AssigneeId", "Category", "Priority", "Tags", "ResolutionDueAt",
        "ResolutionRemaining", "FirstResponseDueAt", "FirstRespondedAt", "ResolvedAt", "ClosedAt", "EscalatedAt", "MergedIntoId", "SearchVector",
    ];

    private static List<string> AuditedFields(string changes)
    {
        using var json = JsonDocument.Parse(changes);
        return json.RootElement.ValueKind != JsonValueKind.Object
            ? []
            : json.RootElement.EnumerateObject().Select(p => p.Name).Where(n => !TimelineNoise.Contains(n)).Select(TicketLabels.Field).ToList();
    }

    private static string Excerpt(string body) => body.Length <= 200 ? body : body[..200] + "…";

    [GeneratedRegex(@"^(CPS-?)?\d{4}-\d{1,6}$|^CPS-", RegexOptions.IgnoreCase)]
    private static partial Regex TicketNumberLike();

    /// <summary>A number as <see cref="TicketNumber.Format"/> writes it (CPS-2026-000123).</summary>
    [GeneratedRegex(@"^CPS-\d{4}-\d{6}$", RegexOptions.IgnoreCase)]
    private static partial Regex FullTicketNumber();

    /// <summary>local@domain.tld: what the text-search parser reads as one e-mail token.</summary>
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$")]
    private static partial Regex FullEmailAddress();
}

public sealed record TicketQueueDto(Guid Id, string Name);

public sealed record AssigneeDto(Guid Id, string DisplayName);
