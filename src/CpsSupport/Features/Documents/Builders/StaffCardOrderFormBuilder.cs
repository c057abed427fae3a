using CpsSupport.Features.Cards;
using CpsSupport.Features.Documents.Models;
using CpsSupport.Features.Structures;

namespace CpsSupport.Features.Documents.Builders;

/// <summary>
/// F301 from a request: details <c>declarantCapacity, declarant{}, membershipContractSigned</c> (else the structure's
/// contract flag), <c>lines[{cardType, reason, jobTitle, …person}]</c>; a line without card type gets CPE in a structure
/// giving care, CPA otherwise.
/// </summary>
public static class StaffCardOrderFormBuilder
{
    public static StaffCardOrderForm Build(DocumentSource source)
    {
        var d = source.Details;
        var declarant = DocumentMapping.StructureDeclarant(source);
        var defaultType = source.Structure?.Kind is StructureKind.HealthDomainNoCare or StructureKind.Industrial ? CardType.Cpa : CardType.Cpe;
        var lines = d.Objects("lines")
            .Select(line => new StaffCardLine(
                line.Choice<CardType>("cardType") is { } type && type is CardType.Cpe or CardType.Cpa ? type : defaultType,
                line.Choice<CardRequestReason>("reason") ?? CardRequestReason.FirstCard,
                DocumentMapping.Person(line) ?? new DocumentPerson(null, "", ""),
                line.Text("jobTitle")))
            .ToList();
        return new StaffCardOrderForm(
            source.Reference,
            DocumentMapping.Structure(source.Structure) ?? new DocumentStructure("", null, null),
            d.Choice<DeclarantCapacity>("declarantCapacity") ?? DeclarantCapacity.LegalRepresentative,
            declarant,
            d.Flag("membershipContractSigned") ?? source.Structure?.HasMembershipContract ?? false,
            lines,
            DocumentMapping.DeliveryAddress(source),
            DocumentMapping.Signature(source, declarant));
    }
}
