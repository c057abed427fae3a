using System.Globalization;
using CpsSupport.Features.Documents;
using CpsSupport.Features.Documents.Builders;
using CpsSupport.Features.Documents.Models;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;

namespace CpsSupport.Features.Orders;

/// <summary>
/// An order as a filled PDF form (F101, F201, F301, F414) gives it, for the agent to check on the order page before
/// filing (the structure it names: <see cref="FilledFormReading.StructureIdentifier"/>): the card lines, who signed, a delivery address when the form names one, and what the
/// form says that an order does not keep (reason, contract dates, project) as the comment. Invalid values stay as typed:
/// the order's rules refuse them line by line with their own messages.
/// </summary>
/// <param name="DeclarantName">The signatory: legal representative (F101), declarant (F201, F301), contact (F414).</param>
/// <param name="Notes">French remarks for the agent: what the draft could not take over.</param>
public sealed record OrderDraft(
    FormCode Form,
    string? DeclarantName,
    IReadOnlyList<NewOrderLine> Lines,
    Address? DeliveryAddress,
    string Comment,
    IReadOnlyList<string> Notes)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The test card of the F414 offer (<see cref="OrderCatalog.TestCards"/>) a kit of the PDF form stands for; null when the offer has none.</summary>
    public static string? TestCardOf(TestCardKit kit) => kit switch
    {
        TestCardKit.CpsDoctor => "CPS médecin",
        TestCardKit.CpsNurse => "CPS infirmier",
        TestCardKit.CpsPharmacist => "CPS pharmacien biologiste",
        TestCardKit.Cpe => "CPE",
        TestCardKit.CpeOpposed => "CPE opposée",
        TestCardKit.Cpa => "CPA",
        _ => null,
    };

    /// <summary>The draft of a filled order form; <paramref name="fileName"/> is named in the comment.</summary>
    /// <exception cref="ArgumentException">The reading is not an order form.</exception>
    public static OrderDraft FromFilledForm(FilledFormReading reading, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Form is not { } form || !OrderCatalog.IsOrder(form))
            throw new ArgumentException($"Not an order form: {reading.Form?.ToString() ?? "unknown"}.", nameof(reading));

        var details = RequestDetails.Parse(reading.ToDetailsJson());
        var notes = new List<string>();
        var said = new List<string> { $"Formulaire {form} reçu ({fileName})." };
        if (details.Choice<CardRequestReason>("reason") is { } reason) said.Add($"Motif : {ReasonLabel(reason)}.");

        IReadOnlyList<NewOrderLine> lines;
        DocumentPerson? declarant;
        switch (form)
        {
            case FormCode.F101:
                declarant = DocumentMapping.Person(details.Object("legalRepresentative"));
                lines = declarant is null ? [] : [Line(declarant, details.Object("legalRepresentative"), details.Text("function"))];
                break;
            case FormCode.F201:
                declarant = DocumentMapping.Person(details.Object("declarant")) ?? DocumentMapping.Person(details.Object("legalRepresentative"));
                var employee = details.Object("employee");
                lines = DocumentMapping.Person(employee) is { } person ? [Line(person, employee, person.Profession)] : [];
                if (details.Date("employedSince") is { } since) said.Add($"Embauche le {since.ToString("dd/MM/yyyy", French)}.");
                if (details.Date("contractEndsOn") is { } ends) said.Add($"Fin de contrat le {ends.ToString("dd/MM/yyyy", French)}.");
                if (details.Text("department") is { } department) said.Add($"Service : {department}.");
                break;
            case FormCode.F301:
                declarant = DocumentMapping.Person(details.Object("declarant")) ?? DocumentMapping.Person(details.Object("legalRepresentative"));
                lines = details.Objects("lines")
                    .Select(line => DocumentMapping.Person(line) is { } holder ? Line(holder, line, line.Text("jobTitle")) : null)
                    .OfType<NewOrderLine>().ToList();
                break;
            default:
                declarant = DocumentMapping.Person(details.Object("contact"));
                lines = TestCardLines(details, notes);
                if (details.Text("project") is { } project) said.Add($"Projet : {project}.");
                break;
        }

        var address = DocumentMapping.Address(details.Object("deliveryAddress")) is { } written
            ? new Address { Line1 = written.Line1, Line2 = written.Line2, PostalCode = written.PostalCode, City = written.City, Country = written.Country }
            : null;
        if (lines.Count == 0) notes.Add("Le formulaire ne nomme aucun porteur : ajoutez les lignes à la main.");
        var name = declarant is null ? null : $"{declarant.FirstName} {declarant.LastName}".Trim();
        return new OrderDraft(form, string.IsNullOrEmpty(name) ? null : name, lines, address, string.Join(' ', said), notes);
    }

    // A holder's identifier as the order reads it: national id, else RPPS, else ADELI (as typed when invalid).
    private static NewOrderLine Line(DocumentPerson person, RequestDetails? written, string? profession) =>
        new(person.LastName, person.FirstName, person.NationalId ?? written?.Text("rpps") ?? written?.Text("adeli"), profession, person.Email);

    private static List<NewOrderLine> TestCardLines(RequestDetails details, List<string> notes)
    {
        var lines = new List<NewOrderLine>();
        foreach (var kit in details.Objects("kits"))
        {
            if (kit.Choice<TestCardKit>("kit") is not { } chosen) continue;
            var quantity = Math.Clamp(kit.Number("quantity") ?? 1, 1, 99);
            if (TestCardOf(chosen) is { } card) lines.AddRange(Enumerable.Repeat(new NewOrderLine(null, null, null, card), quantity));
            else notes.Add($"{quantity} carte(s) de test « {chosen} » : absente(s) de l'offre F414, à traiter à la main.");
        }

        return lines;
    }

    private static string ReasonLabel(CardRequestReason reason) => reason switch
    {
        CardRequestReason.FirstCard => "première demande",
        CardRequestReason.Renewal => "renouvellement",
        _ => "remplacement",
    };
}
