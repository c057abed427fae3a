using CpsSupport.Features.Documents.Models;

namespace CpsSupport.Features.Documents.Builders;

/// <summary>F504 from a request: details <c>declarantCapacity, declarant{}, newAddress{}, effectiveOn, appliesToPendingOrders</c>; the current address is the structure's.</summary>
public static class DeliveryAddressChangeFormBuilder
{
    public static DeliveryAddressChangeForm Build(DocumentSource source)
    {
        var d = source.Details;
        var declarant = DocumentMapping.StructureDeclarant(source);
        return new DeliveryAddressChangeForm(
            source.Reference,
            DocumentMapping.Structure(source.Structure) ?? new DocumentStructure("", null, null),
            d.Choice<DeclarantCapacity>("declarantCapacity") ?? DeclarantCapacity.LegalRepresentative,
            declarant,
            DocumentMapping.Address(source.Structure?.DeliveryAddress, source.Structure?.Name),
            DocumentMapping.Address(d.Object("newAddress")) ?? DocumentMapping.Blank,
            d.Date("effectiveOn"),
            d.Flag("appliesToPendingOrders") ?? true,
            DocumentMapping.Signature(source, declarant));
    }
}
