namespace CpsSupport.Features.Documents.Models;

/// <summary>Model of <c>templates/forms/f504.liquid</c>: where the structure's cards are delivered from now on.</summary>
/// <param name="CurrentAddress">The delivery address on file, null when unknown.</param>
/// <param name="EffectiveOn">From when the new address applies; null for « dès réception ».</param>
/// <param name="AppliesToPendingOrders">Cards ordered but not yet sent go to the new address too.</param>
public sealed record DeliveryAddressChangeForm(
    string RequestNumber,
    DocumentStructure Structure,
    DeclarantCapacity DeclarantCapacity,
    DocumentPerson Declarant,
    DocumentAddress? CurrentAddress,
    DocumentAddress NewAddress,
    DateOnly? EffectiveOn,
    bool AppliesToPendingOrders,
    DocumentSignature Signature);
