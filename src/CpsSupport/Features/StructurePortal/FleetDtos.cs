using CpsSupport.Features.Cards;
using CpsSupport.Features.Structures;

namespace CpsSupport.Features.StructurePortal;

/// <summary>
/// Filters of a structure's card fleet. <paramref name="Search"/>: holder name, national identifier or card serial;
/// <paramref name="ExpiringWithinDays"/>: cards still in circulation whose last valid day falls within that many days.
/// </summary>
public sealed record FleetQuery(string? Search = null, CardStatus? Status = null, CardType? Type = null, int? ExpiringWithinDays = null);

/// <summary>
/// One card of the fleet: who holds it, which card, in what state, from when until when. <paramref name="ExpiresSoon"/>:
/// still in circulation and its last valid day within <see cref="FleetService.ExpiresSoonDays"/> days (renew it now).
/// </summary>
public sealed record FleetRow(
    Guid CardId, Guid HolderId, string HolderName, string? HolderNationalId, string? HolderProfession,
    CardType Type, string SerialNumber, CardStatus Status, DateOnly? ValidFrom, DateOnly? ValidUntil,
    bool ExpiresSoon, bool CanDeclareDeparture);

/// <summary>One of the portal user's structures with the counts of its fleet and of its requests still under way.</summary>
public sealed record PortalStructureSummary(
    Guid Id, string Name, StructureKind Kind, string? Finess, bool IsLegalRepresentative,
    int CardCount, int InCirculationCount, int ExpiringSoonCount, int OpposedCount, int PendingRequestCount);

/// <summary>
/// An employee's departure declared from the portal. <paramref name="LeftOn"/>: the day they left (today when not given,
/// never in the future); <paramref name="Comment"/>: a free note kept with the request.
/// </summary>
public sealed record DepartureDeclaration(DateOnly? LeftOn = null, string? Comment = null);
