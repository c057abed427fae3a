using CpsSupport.Features.Tickets;

namespace CpsSupport.Features.Requests;

public sealed record RequestQuery(
    string? Search = null, FormCode? Form = null, RequestStatus? Status = null, Guid? StructureId = null, Guid? CardId = null, Guid? PersonId = null,
    Guid? TicketId = null, bool OpenOnly = false);

public sealed record RequestRow(
    Guid Id, string Number, FormCode Form, string? Kind, RequestStatus Status, RequestChannel Channel,
    Guid? StructureId, string? StructureName, Guid? PersonId, string? PersonName, Guid? CardId, string? CardSerialNumber,
    string? DeclarantName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record RequestEventDto(DateTimeOffset At, RequestEventKind Kind, string Actor, RequestStatus? FromStatus, RequestStatus? ToStatus, string Text, Guid? RelatedId);

/// <summary>One request with its timeline and the statuses it may move to; <see cref="Version"/> guards the next change.</summary>
public sealed record RequestDetail(
    Guid Id, string Number, FormCode Form, string? Kind, RequestStatus Status, RequestChannel Channel, RequesterCapacity Capacity,
    Guid? DeclarantPersonId, string? DeclarantName, Guid? StructureId, string? StructureName, Guid? PersonId, string? PersonName,
    Guid? CardId, string? CardSerialNumber, Guid? TicketId, string? TicketNumber,
    DateOnly? CompleteFileReceivedOn, IReadOnlyList<string> MissingPieces, DateTimeOffset? PiecesRequestedAt, int ReminderCount, DateTimeOffset? LastReminderAt,
    string? RejectionReason, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, uint Version,
    IReadOnlyList<RequestStatus> NextStatuses, IReadOnlyList<RequestEventDto> Timeline);

/// <summary>What one run of the missing-pieces job did.</summary>
public sealed record MissingPiecesRun(int Reminded, int Closed);
