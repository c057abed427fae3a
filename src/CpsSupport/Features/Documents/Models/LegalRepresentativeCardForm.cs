using CpsSupport.Features.Cards;

namespace CpsSupport.Features.Documents.Models;

/// <summary>
/// Model of <c>templates/forms/f101.liquid</c>: the card of a structure's legal representative, a CDE (structure
/// giving care) or a CDA (health-domain structure giving none).
/// </summary>
/// <param name="CardType"><see cref="CardType.Cde"/> or <see cref="CardType.Cda"/>.</param>
/// <param name="Function">The representative's title in the structure (« Directeur général »).</param>
public sealed record LegalRepresentativeCardForm(
    string RequestNumber,
    DocumentStructure Structure,
    CardType CardType,
    CardRequestReason Reason,
    DocumentPerson LegalRepresentative,
    string? Function,
    DocumentAddress DeliveryAddress,
    DocumentSignature Signature);
