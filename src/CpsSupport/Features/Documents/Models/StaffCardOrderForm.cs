using CpsSupport.Features.Cards;

namespace CpsSupport.Features.Documents.Models;

/// <summary>
/// Model of <c>templates/forms/f301.liquid</c>: the structure head or a mandatary orders CPE (care structures) or
/// CPA (health-domain structures giving no care) cards for staff, one line per card.
/// </summary>
/// <param name="MembershipContractSigned">A CPA needs the structure's membership contract (« contrat d'adhésion »).</param>
public sealed record StaffCardOrderForm(
    string RequestNumber,
    DocumentStructure Structure,
    DeclarantCapacity DeclarantCapacity,
    DocumentPerson Declarant,
    bool MembershipContractSigned,
    IReadOnlyList<StaffCardLine> Lines,
    DocumentAddress DeliveryAddress,
    DocumentSignature Signature);

/// <param name="CardType"><see cref="CardType.Cpe"/> or <see cref="CardType.Cpa"/>.</param>
/// <param name="JobTitle">Function in the structure (« Secrétaire médicale »).</param>
public sealed record StaffCardLine(CardType CardType, CardRequestReason Reason, DocumentPerson Holder, string? JobTitle);
