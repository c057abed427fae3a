using CpsSupport.Features.Documents.Models;

namespace CpsSupport.Features.Documents.Builders;

/// <summary>
/// F414 from a request: details <c>organisationName, siret</c> (else the structure's), <c>contact{}</c> (else the
/// request's person), <c>project, kits[{kit, quantity}], deliveryAddress{}</c>. Every kit is listed, ordered or not.
/// </summary>
public static class TestCardOrderFormBuilder
{
    public static TestCardOrderForm Build(DocumentSource source)
    {
        var d = source.Details;
        var ordered = d.Objects("kits")
            .Where(k => k.Choice<TestCardKit>("kit") is not null)
            .GroupBy(k => k.Choice<TestCardKit>("kit")!.Value)
            .ToDictionary(g => g.Key, g => g.Sum(k => Math.Max(0, k.Number("quantity") ?? 1)));
        var contact = DocumentMapping.PersonOf(d.Object("contact"), source.Person);
        return new TestCardOrderForm(
            source.Reference,
            d.Text("organisationName") ?? source.Structure?.Name ?? "",
            d.Text("siret") ?? source.Structure?.Siret,
            contact,
            d.Text("project"),
            Enum.GetValues<TestCardKit>().Select(kit => new TestCardLine(kit, ordered.GetValueOrDefault(kit))).ToList(),
            DocumentMapping.DeliveryAddress(source),
            DocumentMapping.Signature(source, contact));
    }
}
