using CpsSupport.Features.Cards;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Tickets;

namespace CpsSupport.Features.Structures;

/// <summary>
/// Who files an F502, F503 or F504 for which structure, how. <paramref name="DeclarantPersonId"/> is ignored for portal users
/// (they file in their own name); <paramref name="IdDocumentAttachmentId"/>: the identity-document scan among the
/// ticket's attachments (mail channel).
/// </summary>
public sealed record StructureFiling(
    Guid StructureId,
    RequestChannel Channel,
    RequesterCapacity Capacity,
    Guid? DeclarantPersonId = null,
    string? DeclarantName = null,
    Guid? IdDocumentAttachmentId = null,
    string? Comment = null,
    Guid? TicketId = null);

/// <summary>A card on its way when the delivery address changed, and what the desk must check.</summary>
public sealed record FlaggedShipmentDto(Guid CardId, string SerialNumber, CardStatus Status, string Flag);

/// <summary>
/// What an F502/F503/F504 filing did: the request and its status, the changes made (French lines), the shipments
/// flagged. <paramref name="AlreadyFiled"/>: the same request was already filed; nothing new was done.
/// </summary>
public sealed record StructureRequestOutcome(
    Guid RequestId,
    string Number,
    FormCode Form,
    RequestStatus Status,
    bool AlreadyFiled,
    IReadOnlyList<string> MissingPieces,
    IReadOnlyList<string> Changes,
    IReadOnlyList<FlaggedShipmentDto> FlaggedShipments,
    string Summary);

/// <summary>A running technical administrator of a structure's software certificates.</summary>
public sealed record TechnicalAdministratorDto(Guid Id, Guid PersonId, string PersonName, DateOnly StartsOn, DateOnly? EndsOn, bool IsActive);
