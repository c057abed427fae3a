using CpsSupport.Features.Cards;

namespace CpsSupport.Features.Tickets;

/// <summary>What an agent types in "Nouveau ticket": the subject, who calls, about whom, and an optional first note.</summary>
public sealed record NewTicket(
    string Subject,
    TicketChannel Channel,
    TicketCategory Category,
    TicketPriority Priority = TicketPriority.Normal,
    RequesterCapacity RequesterCapacity = RequesterCapacity.Holder,
    string? RequesterName = null,
    string? RequesterEmail = null,
    string? RequesterPhone = null,
    Guid? PersonId = null,
    Guid? StructureId = null,
    IReadOnlyList<Guid>? CardIds = null,
    Guid? QueueId = null,
    Guid? AssigneeId = null,
    IReadOnlyList<string>? Tags = null,
    string? FirstNote = null,
    TicketMessageKind FirstNoteKind = TicketMessageKind.PhoneNote);

public sealed record TicketCreated(Guid Id, string Number);

/// <summary>The editable fields of a ticket, saved only over the <paramref name="Version"/> the agent loaded.</summary>
public sealed record TicketUpdate(
    uint Version,
    string Subject,
    TicketCategory Category,
    TicketPriority Priority,
    RequesterCapacity RequesterCapacity,
    string? RequesterName,
    string? RequesterEmail,
    string? RequesterPhone,
    Guid? PersonId,
    Guid? StructureId,
    Guid? QueueId,
    IReadOnlyList<string> Tags);

public sealed record NewTicketMessage(TicketMessageKind Kind, string Body, IReadOnlyList<NewAttachment>? Attachments = null);

/// <summary>A file sent with a message; checked against <see cref="Files.AttachmentPolicy"/>.</summary>
public sealed record NewAttachment(string FileName, byte[] Content);

public sealed record AttachmentContent(string FileName, string ContentType, byte[] Content);

public enum SlaStatus
{
    None,
    OnTrack,
    AtRisk,
    Overdue,
    Paused,
    Met,
}

/// <summary>One line of the queue.</summary>
public sealed record TicketRow(
    Guid Id,
    string Number,
    string Subject,
    TicketState State,
    TicketCategory Category,
    TicketPriority Priority,
    TicketChannel Channel,
    string? RequesterName,
    string? PersonName,
    string? StructureName,
    Guid? AssigneeId,
    string? AssigneeName,
    string? QueueName,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastActivityAt,
    DateTimeOffset? ResolutionDueAt,
    SlaStatus Sla);

/// <summary>The saved views of the queue.</summary>
public enum TicketView
{
    AllOpen,
    Mine,
    Unassigned,
    Overdue,
    WaitingForRequester,
    Queue,
    Closed,
    All,
}

public sealed record TicketQuery(
    TicketView View = TicketView.AllOpen,
    Guid? QueueId = null,
    TicketState? State = null,
    TicketCategory? Category = null,
    TicketPriority? Priority = null,
    Guid? AssigneeId = null,
    string? Search = null,
    string? Tag = null,
    Guid? PersonId = null,
    Guid? StructureId = null,
    Guid? CardId = null);

public enum TimelineEntryKind
{
    PublicReply,
    InternalNote,
    PhoneNote,
    IncomingMail,
    Event,
    CardEvent,
    Request,
}

/// <summary>One line of the ticket's chronological timeline: a message, a change, a card event or a linked request.</summary>
public sealed record TimelineEntry(
    DateTimeOffset At,
    TimelineEntryKind Kind,
    string Actor,
    string Text,
    Guid? RelatedId = null,
    IReadOnlyList<AttachmentDto>? Attachments = null,
    /// <summary>Sanitized HTML of an incoming mail (never the raw HTML), shown instead of <see cref="Text"/>.</summary>
    string? Html = null);

public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long Size, string Sha256);

public sealed record TicketCardDto(Guid Id, CardType Type, string SerialNumber, CardStatus Status, DateOnly? ValidUntil);

public sealed record LinkedTicketDto(Guid Id, string Number, string Subject, TicketState State);

/// <summary>A request (F501…) filed from the ticket, with its status as it is now.</summary>
public sealed record TicketRequestDto(Guid Id, string Number, Requests.FormCode Form, string? Kind, Requests.RequestStatus Status, string? CardSerialNumber, DateTimeOffset CreatedAt);

public sealed record TicketDetail(
    Guid Id,
    string Number,
    string Subject,
    TicketState State,
    TicketCategory Category,
    TicketPriority Priority,
    TicketChannel Channel,
    RequesterCapacity RequesterCapacity,
    string? RequesterName,
    string? RequesterEmail,
    string? RequesterPhone,
    Guid? PersonId,
    string? PersonName,
    string? PersonNationalId,
    Guid? StructureId,
    string? StructureName,
    Guid? QueueId,
    string? QueueName,
    Guid? AssigneeId,
    string? AssigneeName,
    IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FirstRespondedAt,
    DateTimeOffset? FirstResponseDueAt,
    DateTimeOffset? ResolutionDueAt,
    DateTimeOffset? ResolvedAt,
    SlaStatus Sla,
    Guid? MergedIntoId,
    string? MergedIntoNumber,
    uint Version,
    IReadOnlyList<TicketCardDto> Cards,
    IReadOnlyList<LinkedTicketDto> LinkedTickets,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<TicketRequestDto> Requests,
    /// <summary>When mail to the requester's address bounced (shown as a warning).</summary>
    DateTimeOffset? RequesterEmailFailingAt = null);

public sealed record TicketSearchHit(Guid Id, string Number, string Subject, TicketState State, double Rank, string? Excerpt);
