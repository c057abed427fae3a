using CpsSupport.Features.Documents.Models;

namespace CpsSupport.Features.Documents.Builders;

/// <summary>
/// F501 from a request: details <c>declarantCapacity, declarant{}, kind, incidentOn, incidentPlace, circumstances,
/// complaintFiled, replacementRequested, cardSerial, deliveryAddress{}, signedAt, signedOn</c>; the holder is the
/// request's person, the card the one named by serial or the first linked.
/// </summary>
public static class IncidentDeclarationFormBuilder
{
    public static IncidentDeclarationForm Build(DocumentSource source)
    {
        var d = source.Details;
        var holder = DocumentMapping.PersonOf(d.Object("holder"), source.Person);
        var capacity = d.Choice<DeclarantCapacity>("declarantCapacity") ?? (source.Structure is null ? DeclarantCapacity.Holder : DeclarantCapacity.LegalRepresentative);
        var declarant = capacity == DeclarantCapacity.Holder ? holder : DocumentMapping.StructureDeclarant(source);
        var card = DocumentMapping.Card(DocumentMapping.CardOf(source)) ?? new DocumentCard(Cards.CardType.Cps, d.Text("cardSerial") ?? "");
        var delivery = DocumentMapping.Address(d.Object("deliveryAddress"))
            ?? (capacity == DeclarantCapacity.Holder ? DocumentMapping.Address(source.Person?.CorrespondenceAddress) : null)
            ?? DocumentMapping.DeliveryAddress(source);
        return new IncidentDeclarationForm(
            source.Reference,
            capacity,
            declarant,
            holder,
            DocumentMapping.Structure(source.Structure),
            card,
            d.Choice<IncidentKind>("kind"),
            d.Date("incidentOn"),
            d.Text("incidentPlace"),
            d.Text("circumstances"),
            d.Flag("complaintFiled") ?? false,
            d.Flag("replacementRequested") ?? true,
            delivery,
            DocumentMapping.Signature(source, declarant));
    }
}
