using System.Security.Claims;
using CpsSupport.Data;
using CpsSupport.Features.Accounts;
using CpsSupport.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Access;

/// <summary>Computes a user's <see cref="AccessScope"/> from their roles and the registry, at the time of the call.</summary>
public sealed class AccessScopeService(IDbContextFactory<CpsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// Structure managers see the structures whose legal representative they are; mandataries the structures
    /// where they hold a mandate running today. Roles are re-read from the principal, structures from the database,
    /// so a revoked mandate takes effect at once.
    /// </summary>
    public async Task<AccessScope> ForAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true) return AccessScope.Nobody;
        var userId = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        var supervisor = user.IsInRole(Roles.Supervisor);
        if (AccessScope.IsDeskUser(user)) return new AccessScope(userId, true, supervisor, new HashSet<Guid>());
        if (userId is null) return AccessScope.Nobody;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var personId = await db.Users.Where(u => u.Id == userId).Select(u => u.PersonId).SingleOrDefaultAsync(ct);
        if (personId is null) return AccessScope.Nobody with { UserId = userId };

        var structures = new HashSet<Guid>();
        if (user.IsInRole(Roles.StructureManager))
            structures.UnionWith(await db.Structures.Where(s => s.LegalRepresentativeId == personId).Select(s => s.Id).ToListAsync(ct));
        if (user.IsInRole(Roles.Mandatary))
        {
            // Mandates start and end on French dates: at 00:30 in Paris the UTC date is still yesterday.
            var today = ParisClock.Today(clock);
            structures.UnionWith(await db.Mandates
                .Where(m => m.PersonId == personId && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today))
                .Select(m => m.StructureId).ToListAsync(ct));
        }
        return new AccessScope(userId, false, false, structures);
    }
}
