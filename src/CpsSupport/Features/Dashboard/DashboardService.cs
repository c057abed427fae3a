using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Dashboard;

/// <summary>Counts for the home page, read from the database through the caller's <see cref="AccessScope"/>.</summary>
public sealed class DashboardService(IDbContextFactory<CpsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>How far ahead a card counts as "expiring soon": a new card takes about 10 business days, codes one more.</summary>
    public const int ExpiryWindowDays = 60;

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>
    /// Cards by status, cards still in circulation whose last valid day falls within the next
    /// <see cref="ExpiryWindowDays"/> days (today in Paris included), structures, tickets not yet resolved or closed,
    /// and requests by status. Desk staff count everything, plus the tickets of their "Mes tickets", "Non assignés" and
    /// "En retard" views (the same rules as the queue); a portal user counts only their structures' rows (and the
    /// requests they filed themselves), and no desk views.
    /// </summary>
    public async Task<DashboardSummary> GetAsync(AccessScope scope, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Paris).DateTime);
        var horizon = today.AddDays(ExpiryWindowDays);
        var circulating = CardExpiryService.ExpirableStatuses.ToArray();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cards = db.Cards.AsNoTracking().VisibleTo(scope);

        var cardCounts = await cards.GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count, ct);
        var expiringSoon = await cards.CountAsync(c => c.ValidUntil != null && c.ValidUntil >= today && c.ValidUntil <= horizon
            && circulating.Contains(c.Status), ct);
        var structureCount = await db.Structures.AsNoTracking().VisibleTo(scope).CountAsync(ct);
        var openTickets = await VisibleTickets(db, scope)
            .CountAsync(t => t.State != TicketState.Resolved && t.State != TicketState.Closed, ct);
        var deskViews = scope.IsDesk ? await DeskViewCountsAsync(db, scope, clock.GetUtcNow(), ct) : new DeskTicketCounts(0, 0, 0);
        var requestCounts = await VisibleRequests(db, scope).GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count, ct);

        return new DashboardSummary(
            Enum.GetValues<CardStatus>().ToDictionary(s => s, s => cardCounts.GetValueOrDefault(s)),
            expiringSoon,
            structureCount,
            openTickets,
            deskViews,
            Enum.GetValues<RequestStatus>().ToDictionary(s => s, s => requestCounts.GetValueOrDefault(s)));
    }

    private static async Task<DeskTicketCounts> DeskViewCountsAsync(CpsDbContext db, AccessScope scope, DateTimeOffset now, CancellationToken ct)
    {
        var tickets = db.Tickets.AsNoTracking();
        return new DeskTicketCounts(
            await TicketQueryService.InView(tickets, TicketView.Mine, null, scope.UserId, now).CountAsync(ct),
            await TicketQueryService.InView(tickets, TicketView.Unassigned, null, scope.UserId, now).CountAsync(ct),
            await TicketQueryService.InView(tickets, TicketView.Overdue, null, scope.UserId, now).CountAsync(ct));
    }

    // Tickets and requests get their own access rules with their features; until then a portal user sees their structures' ones.
    private static IQueryable<Ticket> VisibleTickets(CpsDbContext db, AccessScope scope) =>
        scope.IsDesk
            ? db.Tickets.AsNoTracking()
            : db.Tickets.AsNoTracking().Where(t => t.StructureId != null && scope.StructureIds.Contains(t.StructureId.Value));

    private static IQueryable<SupportRequest> VisibleRequests(CpsDbContext db, AccessScope scope) =>
        db.Requests.AsNoTracking().VisibleTo(scope);
}
