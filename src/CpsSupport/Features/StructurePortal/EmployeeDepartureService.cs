using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Calendar;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Incidents;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.StructurePortal;

/// <summary>
/// "Un employé a quitté la structure": the structure head must ask for the revocation of the card (DOMAIN.md, webinar Q/R).
/// It is an F501 opposition on request, ground "départ de la structure", filed through <see cref="IncidentService"/> so the
/// same rules apply (declarant, card status, RPPS professions only after radiation) and the same effects follow
/// (certificates revoked, card event, request history, audit), without a replacement card.
/// </summary>
public sealed class EmployeeDepartureService(IDbContextFactory<CpsDbContext> dbFactory, IncidentService incidents, TimeProvider clock)
{
    /// <summary>
    /// Declares that the holder of <paramref name="cardId"/> left the structure: the card is opposed and its certificates
    /// revoked at once. Only the structure's legal representative (as structure head) or one of its mandataries, signed in to
    /// the portal, may do it; the capacity is taken from the registry, never from the caller. A second declaration on the
    /// same card returns the first one (<see cref="IncidentOutcome.AlreadyDeclared"/>).
    /// </summary>
    /// <exception cref="RequestNotFoundException">The card does not exist or belongs to a structure outside the caller's scope.</exception>
    /// <exception cref="RequestRefusedException">A rule refuses the opposition (card not in circulation, RPPS holder not radiated…).</exception>
    /// <exception cref="RequestException">Desk staff, a date in the future, a comment too long.</exception>
    public async Task<IncidentOutcome> DeclareAsync(AccessScope scope, Guid cardId, DepartureDeclaration input, CancellationToken ct = default)
    {
        if (scope.IsDesk)
            throw new RequestException("La déclaration de départ d'un employé est faite par le responsable de la structure ou un mandataire depuis le portail. "
                + "Au guichet, utilisez le formulaire F501 (demande de mise en opposition, motif « départ de la structure »).");
        var today = ParisClock.Today(clock);
        var leftOn = input.LeftOn ?? today;
        if (leftOn > today)
            throw new RequestException($"La date de départ ({CardLifecycle.Day(leftOn)}) est dans le futur : déclarez le départ le jour où l'employé quitte la structure, pas avant.");
        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        if (comment?.Length > 500) throw new RequestException("Le commentaire est limité à 500 caractères.");

        Guid? legalRepresentativeId;
        Guid? personId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var card = await db.Cards.AsNoTracking().VisibleTo(scope).Where(c => c.Id == cardId)
                .Select(c => new { c.Id, LegalRepresentativeId = c.Structure != null ? c.Structure.LegalRepresentativeId : null })
                .SingleOrDefaultAsync(ct) ?? throw new RequestNotFoundException("Carte introuvable.");
            legalRepresentativeId = card.LegalRepresentativeId;
            personId = scope.UserId is { } userId
                ? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.PersonId).SingleOrDefaultAsync(ct)
                : null;
        }
        // Head of this structure → structure head; otherwise the scope came from a mandate. The rules check either claim again.
        var capacity = personId is not null && personId == legalRepresentativeId ? RequesterCapacity.StructureHead : RequesterCapacity.Mandatary;
        var note = $"Départ de l'employé le {CardLifecycle.Day(leftOn)}" + (comment is null ? "" : $" : {comment}");
        return await incidents.DeclareAsync(scope,
            new NewIncident(cardId, IncidentKind.Revocation, RequestChannel.Portal, capacity, Ground: RevocationGround.LeftStructure, Comment: note), ct);
    }
}
