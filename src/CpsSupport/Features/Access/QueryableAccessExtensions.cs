using CpsSupport.Features.Cards;
using CpsSupport.Features.Documents;
using CpsSupport.Features.People;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;

namespace CpsSupport.Features.Access;

/// <summary>The one place where "who sees which row" is written for the registry tables.</summary>
public static class QueryableAccessExtensions
{
    public static IQueryable<Structure> VisibleTo(this IQueryable<Structure> query, AccessScope scope) =>
        scope.IsDesk ? query : query.Where(s => scope.StructureIds.Contains(s.Id));

    public static IQueryable<Card> VisibleTo(this IQueryable<Card> query, AccessScope scope) =>
        scope.IsDesk ? query : query.Where(c => c.StructureId != null && scope.StructureIds.Contains(c.StructureId.Value));

    /// <summary>A portal user sees the people who hold a card of their structures, head them or hold a mandate there.</summary>
    public static IQueryable<Person> VisibleTo(this IQueryable<Person> query, AccessScope scope, IQueryable<Card> cards, IQueryable<Structure> structures, IQueryable<Mandate> mandates) =>
        scope.IsDesk
            ? query
            : query.Where(p =>
                cards.Any(c => c.HolderId == p.Id && c.StructureId != null && scope.StructureIds.Contains(c.StructureId.Value))
                || structures.Any(s => s.LegalRepresentativeId == p.Id && scope.StructureIds.Contains(s.Id))
                || mandates.Any(m => m.PersonId == p.Id && scope.StructureIds.Contains(m.StructureId)));

    /// <summary>A portal user sees the tickets of their structures; desk staff see every ticket.</summary>
    public static IQueryable<Ticket> VisibleTo(this IQueryable<Ticket> query, AccessScope scope) =>
        scope.IsDesk ? query : query.Where(t => t.StructureId != null && scope.StructureIds.Contains(t.StructureId.Value));

    /// <summary>A portal user sees the requests of their structures and the ones they filed themselves; desk staff see every request.</summary>
    public static IQueryable<SupportRequest> VisibleTo(this IQueryable<SupportRequest> query, AccessScope scope) =>
        scope.IsDesk
            ? query
            : query.Where(r => (r.StructureId != null && scope.StructureIds.Contains(r.StructureId.Value))
                || (scope.UserId != null && r.FiledByUserId == scope.UserId));
    /// <summary>A portal user sees the documents of their structures' requests and tickets; desk staff see them all.</summary>
    public static IQueryable<GeneratedDocument> VisibleTo(this IQueryable<GeneratedDocument> query, AccessScope scope, IQueryable<SupportRequest> requests, IQueryable<Ticket> tickets) =>
        scope.IsDesk
            ? query
            : query.Where(d =>
                requests.Any(r => r.Id == d.RequestId && r.StructureId != null && scope.StructureIds.Contains(r.StructureId.Value))
                || tickets.Any(t => t.Id == d.TicketId && t.StructureId != null && scope.StructureIds.Contains(t.StructureId.Value)));
}
