using CpsSupport.Features.Documents.Models;

namespace CpsSupport.Features.Documents.Builders;

/// <summary>F201 from a request: details <c>employee{}</c> (else the request's person), <c>reason, employedSince, contractEndsOn, department, deliveryAddress{}</c>.</summary>
public static class SalariedAuxiliaryCpsFormBuilder
{
    public static SalariedAuxiliaryCpsForm Build(DocumentSource source)
    {
        var d = source.Details;
        var head = DocumentMapping.StructureDeclarant(source);
        return new SalariedAuxiliaryCpsForm(
            source.Reference,
            DocumentMapping.Structure(source.Structure) ?? new DocumentStructure("", null, null),
            d.Choice<CardRequestReason>("reason") ?? CardRequestReason.FirstCard,
            DocumentMapping.PersonOf(d.Object("employee"), source.Person),
            d.Date("employedSince"),
            d.Date("contractEndsOn"),
            d.Text("department"),
            DocumentMapping.DeliveryAddress(source),
            head,
            DocumentMapping.Signature(source, head));
    }
}
