using CpsSupport.Features.Cards;
using CpsSupport.Features.Documents.Models;
using CpsSupport.Features.Structures;

namespace CpsSupport.Features.Documents.Builders;

/// <summary>
/// F101 from a request: details <c>cardType</c> (else CDE for structures giving care, CDA for the others),
/// <c>reason, legalRepresentative{}</c> (else the request's person or the structure's head), <c>function, deliveryAddress{}</c>.
/// </summary>
public static class LegalRepresentativeCardFormBuilder
{
    public static LegalRepresentativeCardForm Build(DocumentSource source)
    {
        var d = source.Details;
        var representative = DocumentMapping.PersonOf(d.Object("legalRepresentative"), source.Person ?? source.Structure?.LegalRepresentative);
        var givesNoCare = source.Structure?.Kind is StructureKind.HealthDomainNoCare or StructureKind.Industrial;
        return new LegalRepresentativeCardForm(
            source.Reference,
            DocumentMapping.Structure(source.Structure) ?? new DocumentStructure("", null, null),
            d.Choice<CardType>("cardType") is { } chosen && chosen is CardType.Cda or CardType.Cde ? chosen : givesNoCare ? CardType.Cda : CardType.Cde,
            d.Choice<CardRequestReason>("reason") ?? CardRequestReason.FirstCard,
            representative,
            d.Text("function"),
            DocumentMapping.DeliveryAddress(source),
            DocumentMapping.Signature(source, representative));
    }
}
