using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Identifiers;
using CpsSupport.Features.Paging;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Tickets;

public sealed record CallerCard(Guid Id, CardType Type, string SerialNumber, CardStatus Status, Guid? StructureId, string? StructureName, DateOnly? ValidUntil);

public sealed record CallerStructure(Guid Id, string Name, string Role);

public sealed record CallerMatch(
    Guid PersonId, string FullName, string? NationalId, string? Profession, string? Email, string? Phone,
    IReadOnlyList<CallerCard> Cards, IReadOnlyList<CallerStructure> Structures, int OpenTickets);

/// <summary>What the agent sees while the caller is on the line.</summary>
public sealed record CallerLookupResult(IReadOnlyList<CallerMatch> Matches, string? Warning);

/// <summary>
/// Phone intake: from an RPPS, ADELI, national id, card serial or name typed by the agent, the people it designates
/// with their cards, their structures (as holder, legal representative or mandatary) and their open tickets.
/// </summary>
public sealed class CallerLookupService(IDbContextFactory<CpsDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxMatches = 10;

    public async Task<CallerLookupResult> LookupAsync(AccessScope scope, string? text, CancellationToken ct = default)
    {
        var typed = SearchText.Normalize(text);
        if (typed is null) return new CallerLookupResult([], null);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = db.People.AsNoTracking().VisibleTo(scope, db.Cards, db.Structures, db.Mandates);
        string? warning = null;
        List<Guid> ids;
        var compact = typed.Replace(" ", "");
        if (compact.All(char.IsAsciiDigit))
        {
            // A typed RPPS with a wrong key is said at once: the caller can read it again.
            if (IdentifierValidator.Guess(compact) is [var kind] && kind is IdentifierKind.Rpps or IdentifierKind.NationalId
                && IdentifierValidator.Validate(kind, compact) is { IsValid: false } check)
                warning = check.Error;
            var nationalIds = SearchText.NationalIdCandidates(compact);
            ids = await people.Where(p => nationalIds.Contains(p.NationalId!)
                    || db.Cards.Any(c => c.HolderId == p.Id && c.SerialNumber == compact))
                .Select(p => p.Id).Take(MaxMatches).ToListAsync(ct);
        }
        else
        {
            var pattern = SearchText.LikePattern(typed);
            ids = await people.Where(p => EF.Functions.ILike(p.LastName + " " + p.FirstName, pattern)
                    || EF.Functions.ILike(p.FirstName + " " + p.LastName, pattern)
                    || EF.Functions.ILike(p.Email!, pattern))
                .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).Select(p => p.Id).Take(MaxMatches).ToListAsync(ct);
        }
        if (ids.Count == 0) return new CallerLookupResult([], warning ?? "Aucune personne ne correspond : vérifiez l'identifiant ou créez le ticket sans personne liée.");

        var persons = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, Name = p.FirstName + " " + p.LastName.ToUpper(), p.NationalId, p.Profession, p.Email, p.Phone })
            .ToListAsync(ct);
        var cards = await db.Cards.AsNoTracking().VisibleTo(scope).Where(c => ids.Contains(c.HolderId))
            .OrderByDescending(c => c.ValidUntil)
            .Select(c => new { c.HolderId, Card = new CallerCard(c.Id, c.Type, c.SerialNumber, c.Status, c.StructureId, c.Structure != null ? c.Structure.Name : null, c.ValidUntil) })
            .ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var headed = await db.Structures.AsNoTracking().VisibleTo(scope).Where(s => s.LegalRepresentativeId != null && ids.Contains(s.LegalRepresentativeId.Value))
            .Select(s => new { PersonId = s.LegalRepresentativeId!.Value, s.Id, s.Name }).ToListAsync(ct);
        var mandates = await db.Mandates.AsNoTracking().Where(m => ids.Contains(m.PersonId) && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today))
            .Join(db.Structures.VisibleTo(scope), m => m.StructureId, s => s.Id, (m, s) => new { m.PersonId, s.Id, s.Name }).ToListAsync(ct);
        var open = await db.Tickets.AsNoTracking().VisibleTo(scope)
            .Where(t => t.PersonId != null && ids.Contains(t.PersonId.Value) && t.State != TicketState.Closed && t.State != TicketState.Resolved && t.MergedIntoId == null)
            .GroupBy(t => t.PersonId!.Value).Select(g => new { PersonId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.PersonId, x => x.Count, ct);

        var matches = ids.Select(id => persons.Single(p => p.Id == id)).Select(p =>
        {
            var own = cards.Where(c => c.HolderId == p.Id).Select(c => c.Card).ToList();
            var structures = own.Where(c => c.StructureId is not null).Select(c => new CallerStructure(c.StructureId!.Value, c.StructureName!, "Porteur d'une carte"))
                .Concat(headed.Where(h => h.PersonId == p.Id).Select(h => new CallerStructure(h.Id, h.Name, "Représentant légal")))
                .Concat(mandates.Where(m => m.PersonId == p.Id).Select(m => new CallerStructure(m.Id, m.Name, "Mandataire")))
                .DistinctBy(s => (s.Id, s.Role)).ToList();
            return new CallerMatch(p.Id, p.Name, p.NationalId, p.Profession, p.Email, p.Phone, own, structures, open.GetValueOrDefault(p.Id));
        }).ToList();
        return new CallerLookupResult(matches, warning);
    }
}
