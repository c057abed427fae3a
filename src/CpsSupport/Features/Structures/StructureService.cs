using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Calendar;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Paging;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Structures;

/// <summary>Reads structures, always through the caller's <see cref="AccessScope"/>.</summary>
public sealed class StructureService(IDbContextFactory<CpsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Searches by FINESS, SIRET or SIREN (exact, spaces ignored) or by name or city (anywhere in the text).</summary>
    public async Task<PagedResult<StructureRow>> SearchAsync(AccessScope scope, StructureQuery query, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var structures = db.Structures.AsNoTracking().VisibleTo(scope);
        if (query.Kind is { } kind) structures = structures.Where(s => s.Kind == kind);
        if (SearchText.Normalize(query.Search) is { } text)
        {
            var compact = text.Replace(" ", "").ToUpperInvariant();
            var byIdentifier = structures.Where(s => s.Finess == compact || s.Siret == compact || s.Siren == compact);
            if (LooksLikeIdentifier(compact) && await byIdentifier.AnyAsync(ct))
            {
                // A FINESS, SIREN or SIRET typed in full names its structure: answered from the identifier indexes,
                // without scanning names and cities for the digits.
                structures = byIdentifier;
            }
            else
            {
                var pattern = SearchText.LikePattern(text);
                structures = structures.Where(s => s.Finess == compact || s.Siret == compact || s.Siren == compact
                    || EF.Functions.ILike(s.Name, pattern) || EF.Functions.ILike(s.DeliveryAddress.City, pattern));
            }
        }
        var total = await structures.CountAsync(ct);
        var sorted = (page.SortBy, page.Descending) switch
        {
            ("Kind", var descending) => structures.OrderByDeclaration(s => s.Kind, descending).ThenBy(s => s.Name),
            ("Finess", false) => structures.OrderBy(s => s.Finess),
            ("Finess", true) => structures.OrderByDescending(s => s.Finess),
            ("City", false) => structures.OrderBy(s => s.DeliveryAddress.City).ThenBy(s => s.Name),
            ("City", true) => structures.OrderByDescending(s => s.DeliveryAddress.City).ThenBy(s => s.Name),
            ("Name", true) => structures.OrderByDescending(s => s.Name),
            _ => structures.OrderBy(s => s.Name).ThenBy(s => s.Id),
        };
        var items = await sorted.Skip(page.Skip).Take(page.Take)
            .Select(s => new StructureRow(s.Id, s.Name, s.Kind, s.Finess, s.Siret, s.DeliveryAddress.City,
                db.Cards.Count(c => c.StructureId == s.Id)))
            .ToListAsync(ct);
        return new PagedResult<StructureRow>(items, total);
    }

    /// <summary>9 characters (FINESS, Corsican 2A/2B included, or SIREN) or 14 digits (SIRET).</summary>
    private static bool LooksLikeIdentifier(string compact) =>
        (compact.Length == 9 && compact[2..].All(char.IsAsciiDigit) && compact[..2].All(char.IsAsciiLetterOrDigit))
        || (compact.Length == 14 && compact.All(char.IsAsciiDigit));

    /// <summary>One structure with its legal representative and mandates, or null when absent or outside the scope.</summary>
    public async Task<StructureDetail?> GetAsync(AccessScope scope, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = ParisClock.Today(clock);
        var s = await db.Structures.AsNoTracking().VisibleTo(scope)
            .Include(x => x.LegalRepresentative)
            .Include(x => x.Mandates).ThenInclude(m => m.Person)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return null;
        var cardCount = await db.Cards.CountAsync(c => c.StructureId == id, ct);
        var activeCount = await db.Cards.CountAsync(c => c.StructureId == id && c.Status == CardStatus.Active, ct);
        return new StructureDetail(s.Id, s.Name, s.Kind, s.Finess, s.Siret, s.Siren,
            s.DeliveryAddress, s.CorrespondenceAddress, s.HasMembershipContract,
            s.LegalRepresentativeId, s.LegalRepresentative?.FullName,
            s.Mandates.OrderByDescending(m => m.StartsOn)
                .Select(m => new MandateDto(m.Id, m.PersonId, m.Person!.FullName, m.StartsOn, m.EndsOn, m.IsActiveOn(today))).ToList(),
            cardCount, activeCount);
    }

    /// <summary>Finds a structure by FINESS, SIRET or SIREN within the caller's scope.</summary>
    public async Task<StructureDetail?> GetByIdentifierAsync(AccessScope scope, string identifier, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var compact = identifier.Replace(" ", "").Trim().ToUpperInvariant();
        var id = await db.Structures.AsNoTracking().VisibleTo(scope)
            .Where(s => s.Finess == compact || s.Siret == compact || s.Siren == compact)
            .OrderBy(s => s.Name).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : await GetAsync(scope, id.Value, ct);
    }
}
