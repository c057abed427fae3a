using CpsSupport.Features.Cards;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Requests.Rules;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;

namespace CpsSupport.Features.Orders;

/// <summary>One card to order: the holder as on the form. <paramref name="Identifier"/>: RPPS, ADELI or national id, empty for staff without one.</summary>
public sealed record NewOrderLine(string? LastName, string? FirstName, string? Identifier, string? Profession, string? Email = null);

/// <summary>
/// An order (F101, F201, F301, F414) for a structure: several card lines in one request. <paramref name="DeliveryAddress"/>
/// null: the structure's delivery address. <paramref name="DeclarantPersonId"/> is ignored for portal users (they file in their own name).
/// </summary>
public sealed record NewOrder(
    Guid StructureId, FormCode Form, RequestChannel Channel, RequesterCapacity Capacity, IReadOnlyList<NewOrderLine> Lines,
    Address? DeliveryAddress = null, Guid? DeclarantPersonId = null, string? DeclarantName = null, Guid? IdDocumentAttachmentId = null,
    string? Comment = null, Guid? TicketId = null);

/// <summary>The order-specific part of the request (its JSON details).</summary>
public sealed record OrderDetails(Address DeliveryAddress, string? Comment, Guid? IdDocumentAttachmentId);

/// <summary>What the rules say of an order before it is filed, per line (French errors).</summary>
public sealed record OrderCheck(bool Allowed, CardType CardType, IReadOnlyList<RuleResult> Rules, IReadOnlyList<OrderLineCheck> Lines, IReadOnlyList<string> MissingPieces);

public sealed record OrderLineCheck(int Position, string Holder, bool Allowed, IReadOnlyList<string> Errors);

/// <summary>A filed order: <paramref name="AlreadyFiled"/> when the same order was filed before (nothing new saved).</summary>
public sealed record OrderOutcome(Guid RequestId, string Number, RequestStatus Status, bool AlreadyFiled, int LineCount, IReadOnlyList<string> MissingPieces);

public sealed record OrderQuery(Guid? StructureId = null, RequestStatus? Status = null, bool OpenOnly = false, string? Search = null, FormCode? Form = null);

/// <summary>An order in a list: the validation queue of the desk, the orders of a structure.</summary>
public sealed record OrderRow(
    Guid Id, string Number, FormCode Form, RequestStatus Status, RequestChannel Channel, Guid? StructureId, string? StructureName, string? DeclarantName,
    int LineCount, int ActiveCount, IReadOnlyList<string> MissingPieces, Guid? TicketId, string? TicketNumber, DateTimeOffset CreatedAt);

/// <summary>One step of a card line's timeline: done (when) or expected (which day).</summary>
public sealed record OrderStep(OrderLineStatus Status, string Label, DateTimeOffset? At, DateOnly? ExpectedOn, bool Done);

public sealed record OrderLineDto(
    Guid Id, int Position, CardType CardType, string HolderName, string? NationalId, string Profession, OrderLineStatus Status,
    DateOnly? ExpectedOn, DateOnly? CodesExpectedOn, Guid? CardId, string? CardSerial, string? RejectionReason, IReadOnlyList<OrderStep> Steps);

/// <summary>An order with its lines and the request's timeline; <paramref name="Version"/> guards the next change.</summary>
public sealed record OrderDetail(
    Guid Id, string Number, FormCode Form, RequestStatus Status, RequestChannel Channel, Guid? StructureId, string? StructureName, string? DeclarantName,
    Address DeliveryAddress, string? Comment, DateOnly? CompleteFileReceivedOn, IReadOnlyList<string> MissingPieces, string? RejectionReason,
    Guid? TicketId, string? TicketNumber, DateTimeOffset CreatedAt, uint Version, IReadOnlyList<OrderLineDto> Lines, IReadOnlyList<RequestEventDto> Timeline);

/// <summary>What a bulk validation did: the orders validated, and those refused with why.</summary>
public sealed record BulkValidation(IReadOnlyList<string> Validated, IReadOnlyList<string> Failed);

/// <summary>What one production run (job or agent) moved.</summary>
public sealed record ProductionRun(int LinesAdvanced, int OrdersCompleted);
