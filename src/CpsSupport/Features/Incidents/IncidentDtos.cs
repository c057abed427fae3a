using CpsSupport.Features.Cards;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Requests.Rules;
using CpsSupport.Features.Tickets;

namespace CpsSupport.Features.Incidents;

/// <summary>
/// An F501 declaration. <paramref name="DeclarantPersonId"/>: the registry person declaring (ignored for portal users, who
/// declare in their own name); <paramref name="IdDocumentAttachmentId"/>: the scan of the identity document among the
/// ticket's attachments (mail channel); <paramref name="HasUnblockCode"/>: the holder says they have their unblock code —
/// the code itself is never asked nor kept.
/// </summary>
public sealed record NewIncident(
    Guid CardId,
    IncidentKind Kind,
    RequestChannel Channel,
    RequesterCapacity Capacity,
    Guid? DeclarantPersonId = null,
    string? DeclarantName = null,
    Guid? IdDocumentAttachmentId = null,
    bool HasUnblockCode = false,
    bool DeclineReplacement = false,
    RevocationGround? Ground = null,
    DateOnly? RadiatedOn = null,
    string? Comment = null,
    Guid? TicketId = null);

/// <summary>The pieces that complete a declaration waiting in "Pièces manquantes".</summary>
public sealed record IncidentPieces(Guid IdDocumentAttachmentId);

/// <summary>What the rules say about a declaration before it is filed: the screen shows it as the agent types.</summary>
public sealed record IncidentCheck(bool Allowed, IReadOnlyList<RuleResult> Rules, IReadOnlyList<string> MissingPieces);

public sealed record OppositionDto(Guid CardId, string SerialNumber, DateTimeOffset OpposedAt, string Reason, int RevokedCertificates);

public sealed record ReplacementDto(Guid CardId, string SerialNumber, CardType Type, CardStatus Status, DateOnly CompleteFileReceivedOn, DateOnly CardExpectedOn, DateOnly CodesExpectedOn);

/// <summary>A secure letter ordered: when and where. It holds no code.</summary>
public sealed record PinLetterDto(Guid Id, PinLetterReason Reason, DateOnly SendOn, string Address);

/// <summary>
/// What a declaration did: the request and its status, the opposition, the replacement and its dates, the PIN letter,
/// the guidance to read to the holder, and a French summary. <paramref name="AlreadyDeclared"/>: the same declaration
/// was already filed (a repeated click, a second agent): nothing new was done.
/// </summary>
public sealed record IncidentOutcome(
    Guid RequestId,
    string Number,
    IncidentKind Kind,
    RequestStatus Status,
    bool AlreadyDeclared,
    IReadOnlyList<string> MissingPieces,
    OppositionDto? Opposition,
    ReplacementDto? Replacement,
    PinLetterDto? PinLetter,
    bool FaultyCardReturnExpected,
    string? Guidance,
    string Summary);
