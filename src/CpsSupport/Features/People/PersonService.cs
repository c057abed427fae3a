using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Paging;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.People;

/// <summary>Reads people, always through the caller's <see cref="AccessScope"/>.</summary>
public sealed class PersonService(IDbContextFactory<CpsDbContext> dbFactory)
{
    /// <summary>Searches by national identifier (8+RPPS, 0+ADELI, bare RPPS or ADELI), name or e-mail.</summary>
    public async Task<PagedResult<PersonRow>> SearchAsync(AccessScope scope, PersonQuery query, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = Visible(db, scope);
        if (SearchText.Normalize(query.Search) is { } text)
        {
            if (SearchText.IsIdentifierLike(text))
            {
                var ids = SearchText.NationalIdCandidates(text);
                people = people.Where(p => ids.Contains(p.NationalId!));
            }
            else
            {
                var pattern = SearchText.LikePattern(text);
                people = people.Where(p => EF.Functions.ILike(p.LastName, pattern) || EF.Functions.ILike(p.FirstName, pattern)
                    || EF.Functions.ILike(p.Email!, pattern));
            }
        }
        var total = await people.CountAsync(ct);
        var sorted = page is { SortBy: "NationalId" }
            ? (page.Descending ? people.OrderByDescending(p => p.NationalId) : people.OrderBy(p => p.NationalId))
            : (page.Descending ? people.OrderByDescending(p => p.LastName).ThenByDescending(p => p.FirstName) : people.OrderBy(p => p.LastName).ThenBy(p => p.FirstName));
        var items = await sorted.Skip(page.Skip).Take(page.Take)
            .Select(p => new PersonRow(p.Id, p.FirstName + " " + p.LastName.ToUpper(), p.NationalIdKind, p.NationalId, p.Profession, p.Email))
            .ToListAsync(ct);
        return new PagedResult<PersonRow>(items, total);
    }

    /// <summary>One person, or null when absent or outside the caller's scope.</summary>
    public async Task<PersonDetail?> GetAsync(AccessScope scope, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Visible(db, scope).Where(p => p.Id == id)
            .Select(p => new PersonDetail(p.Id, p.FirstName, p.LastName, p.NationalIdKind, p.NationalId, p.Profession, p.Email, p.Phone, p.CorrespondenceAddress, p.EmailFailingAt))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>Finds a person by national identifier (or bare RPPS/ADELI) within the caller's scope.</summary>
    public async Task<PersonDetail?> GetByNationalIdAsync(AccessScope scope, string identifier, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = SearchText.NationalIdCandidates(identifier.Trim());
        var id = await Visible(db, scope).Where(p => ids.Contains(p.NationalId!)).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : await GetAsync(scope, id.Value, ct);
    }

    private static IQueryable<Person> Visible(CpsDbContext db, AccessScope scope) =>
        db.People.AsNoTracking().VisibleTo(scope, db.Cards, db.Structures, db.Mandates);
}
