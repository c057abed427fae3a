using CpsSupport.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Accounts;

/// <summary>
/// The sign-in account of a person designated mandatary (F502). The portal shows a mandatary the structures of their running
/// mandates only when their account is linked to their registry person and holds the <see cref="Roles.Mandatary"/> role.
/// </summary>
internal static class MandataryAccounts
{
    /// <summary>
    /// Gives the designated person's account the mandatary role, in the caller's transaction. The account is the one already linked
    /// to the person, or else the unlinked account whose e-mail is the person's registry e-mail (linked here). An account linked to
    /// someone else is never taken over. Returns the French line for the request's effects.
    /// </summary>
    public static async Task<string> GrantAsync(CpsDbContext db, Guid personId, string personName, CancellationToken ct)
    {
        var user = await db.Users.Where(u => u.PersonId == personId).OrderBy(u => u.Id).FirstOrDefaultAsync(ct);
        var linked = false;
        if (user is null)
        {
            var email = await db.People.Where(p => p.Id == personId).Select(p => p.Email).SingleAsync(ct);
            if (string.IsNullOrWhiteSpace(email))
                return $"{personName} n'a pas d'adresse électronique au registre : aucun compte de connexion n'a pu lui être relié. "
                    + "Renseignez son adresse puis déposez de nouveau la désignation pour lui ouvrir l'accès au portail.";
            // Identity normalises e-mails with ToUpperInvariant (UpperInvariantLookupNormalizer).
            var normalized = email.Trim().ToUpperInvariant();
            var byEmail = await db.Users.Where(u => u.NormalizedEmail == normalized).ToListAsync(ct);
            user = byEmail.SingleOrDefault(u => u.PersonId is null);
            if (user is null)
                return byEmail.Count > 0
                    ? $"Le compte {email.Trim()} est déjà relié à une autre personne : il n'a pas été relié à {personName} ; le support vérifiera."
                    : $"Aucun compte de connexion n'existe pour {email.Trim()} : {personName} aura accès au portail dès qu'un compte à cette adresse sera créé "
                      + "et la désignation déposée de nouveau.";
            user.PersonId = personId;
            linked = true;
        }

        var roleId = await RoleIdAsync(db, ct);
        var hasRole = await db.UserRoles.AnyAsync(r => r.UserId == user.Id && r.RoleId == roleId, ct);
        if (!hasRole)
        {
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
            // A new role: sessions opened before it are refreshed (Identity re-reads roles when the stamp changes).
            user.SecurityStamp = Guid.NewGuid().ToString("N");
        }
        return (linked, hasRole) switch
        {
            (true, _) => $"Compte de connexion {user.Email} relié à {personName} : rôle mandataire, la structure apparaît à sa prochaine connexion.",
            (false, false) => $"Compte de connexion {user.Email} de {personName} : rôle mandataire ajouté.",
            _ => $"Compte de connexion {user.Email} de {personName} : la structure apparaît aussitôt dans son portail.",
        };
    }

    private static async Task<Guid> RoleIdAsync(CpsDbContext db, CancellationToken ct)
    {
        var normalized = Roles.Mandatary.ToUpperInvariant();
        var id = await db.Roles.Where(r => r.NormalizedName == normalized).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct);
        if (id is { } existing) return existing;
        // The application creates the four roles at start; a database prepared another way gets the one it needs.
        var role = new IdentityRole<Guid> { Id = Guid.CreateVersion7(), Name = Roles.Mandatary, NormalizedName = normalized, ConcurrencyStamp = Guid.NewGuid().ToString() };
        db.Roles.Add(role);
        return role.Id;
    }
}
