using CpsSupport.Features.Cards;
using CpsSupport.Features.Incidents;
using CpsSupport.Features.People;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;

namespace CpsSupport.Features.Requests.Rules;

/// <summary>A structure as the rules see it, today.</summary>
public sealed record StructureFacts(
    Guid Id, string Name, StructureKind Kind, Guid? LegalRepresentativeId, IReadOnlySet<Guid> ActiveMandataryIds, bool HasMembershipContract);

/// <summary>A card and its holder as the rules see them.</summary>
public sealed record CardFacts(
    Guid Id, string SerialNumber, CardType Type, CardStatus Status,
    Guid HolderId, string HolderName, NationalIdKind HolderNationalIdKind, DateOnly? HolderRadiatedOn, bool HolderHasCorrespondenceAddress,
    Guid? StructureId, DateOnly? ExpectedOn, DateOnly? CodesExpectedOn, DateOnly? ShippedOn, DateTimeOffset? OpposedAt);

/// <summary>Everything the rules need to judge an F501 declaration; built from the registry by the service, or by hand in tests.</summary>
public sealed record IncidentFacts(
    IncidentKind Kind, RequestChannel Channel, RequesterCapacity Capacity, Guid? DeclarantPersonId, string? DeclarantName,
    CardFacts Card, StructureFacts? Structure, DateOnly Today,
    bool HasIdDocument = false, bool HasUnblockCode = false, bool DeclineReplacement = false,
    RevocationGround? Ground = null, DateOnly? RadiationStatedOn = null);

/// <summary>A person named by a structure form (designated, removed), as the rules see them.</summary>
public sealed record NamedPersonFacts(Guid Id, string Name, bool HasActiveCard, bool IsActiveMandatary, bool IsActiveAdministrator);

/// <summary>Everything the rules need to judge an F502, F503 or F504 filing.</summary>
public sealed record StructureFormFacts(
    FormCode Form, RequestChannel Channel, RequesterCapacity Capacity, Guid? DeclarantPersonId, StructureFacts Structure,
    bool HasIdDocument = false, bool DeclarantHasActiveCard = false,
    IReadOnlyList<NamedPersonFacts>? Added = null, IReadOnlyList<NamedPersonFacts>? Removed = null, Address? NewAddress = null);

/// <summary>
/// One card line of an order as the rules see it: the holder as typed, and what the registry says of them
/// (<paramref name="ExistingCardSerial"/>: a card of the same type in circulation or on its way, or an open order line).
/// </summary>
public sealed record OrderLineFacts(
    int Position, string? LastName, string? FirstName, string? Identifier, string? Profession,
    string? ExistingCardSerial = null, int? DuplicateOfPosition = null);

/// <summary>Everything the rules need to judge an order (F101, F201, F301, F414).</summary>
public sealed record OrderFacts(
    FormCode Form, RequestChannel Channel, RequesterCapacity Capacity, Guid? DeclarantPersonId, StructureFacts Structure,
    IReadOnlyList<OrderLineFacts> Lines, Address? DeliveryAddress,
    bool DeclarantHasActiveCard = false, bool StructureHasActiveCda = false, bool HasIdDocument = false);
