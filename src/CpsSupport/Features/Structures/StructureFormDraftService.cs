using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Documents;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Structures;

/// <summary>The structure a filled form is about, and the French note the agent sees on how it was found.</summary>
public sealed record StructureIdentification(StructureDetail? Structure, string? Message);

/// <summary>
/// Gathers what <see cref="StructureFormDraft.From"/> needs to map a filled F502, F503 or F504 received by the desk: the
/// structure it is about (named on the form, else the ticket's) and that structure's roster (legal representative,
/// mandates, active card holders, technical administrators), always through the caller's <see cref="AccessScope"/>.
/// </summary>
public sealed class StructureFormDraftService(IDbContextFactory<CpsDbContext> dbFactory, StructureService structures, StructureRequestService forms)
{
    /// <summary>
    /// The structure of a filled form (a structure form or an order): the FINESS, SIRET or SIREN written on it when the
    /// registry knows it, else the ticket's structure, else none (the agent picks one).
    /// </summary>
    public async Task<StructureIdentification> IdentifyAsync(AccessScope scope, FilledFormReading reading, Guid? ticketStructureId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var ofTicket = ticketStructureId is { } id ? await structures.GetAsync(scope, id, ct) : null;
        if (reading.StructureIdentifier is not { } identifier)
            return new(ofTicket, ofTicket is null ? "Le formulaire ne nomme pas la structure (FINESS, SIRET ou SIREN) et le ticket n'en a pas : choisissez-la." : null);

        if (await structures.GetByIdentifierAsync(scope, identifier, ct) is { } named)
        {
            var message = ofTicket is not null && ofTicket.Id != named.Id
                ? $"La structure du formulaire ({named.Name}, {identifier}) n'est pas celle du ticket ({ofTicket.Name}) : la structure du formulaire est retenue."
                : null;
            return new(named, message);
        }

        return new(ofTicket, ofTicket is null
            ? $"Aucune structure n'a l'identifiant {identifier} indiqué sur le formulaire : choisissez-la."
            : $"Aucune structure n'a l'identifiant {identifier} indiqué sur le formulaire : la structure du ticket ({ofTicket.Name}) est proposée.");
    }

    /// <summary>The structure as the registry knows it now, with who may be named on its forms; null when outside the scope.</summary>
    public async Task<StructureRoster?> RosterAsync(AccessScope scope, Guid structureId, CancellationToken ct = default)
    {
        if (await structures.GetAsync(scope, structureId, ct) is not { } structure) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var holders = await db.Cards.AsNoTracking().Where(c => c.StructureId == structureId && c.Status == CardStatus.Active)
            .Select(c => new { c.Holder!.Id, c.Holder.FirstName, c.Holder.LastName, c.Holder.NationalId }).Distinct().ToListAsync(ct);
        var administrators = await forms.TechnicalAdministratorsAsync(scope, structureId, ct) ?? [];
        return new StructureRoster(structure,
            holders.Select(h => new RosterPerson(h.Id, $"{h.FirstName} {h.LastName.ToUpperInvariant()}", h.NationalId)).OrderBy(h => h.Name, StringComparer.CurrentCulture).ToList(),
            administrators);
    }

    /// <summary>The draft of a filled form for a structure, or null when the structure is outside the scope.</summary>
    public async Task<StructureFormDraft?> DraftAsync(AccessScope scope, FilledFormReading reading, Guid structureId, CancellationToken ct = default) =>
        await RosterAsync(scope, structureId, ct) is { } roster ? StructureFormDraft.From(reading, roster) : null;
}
