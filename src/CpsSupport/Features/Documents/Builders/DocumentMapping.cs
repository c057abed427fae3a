using CpsSupport.Features.Cards;
using CpsSupport.Features.Documents.Models;
using CpsSupport.Features.People;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;

namespace CpsSupport.Features.Documents.Builders;

/// <summary>Turns registry entities and details objects into the blocks every document model shares.</summary>
public static class DocumentMapping
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly? ParisDate(DateTimeOffset? instant) =>
        instant is { } i && i != default ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(i, Paris).DateTime) : null;

    public static DocumentPerson Person(Person person) => new(
        null, person.LastName, person.FirstName, null, person.NationalId, person.Profession, person.Email, person.Phone);

    /// <summary>A person written in the details; null when it has no name at all.</summary>
    public static DocumentPerson? Person(RequestDetails? details)
    {
        if (details is null || (details.Text("lastName") is null && details.Text("firstName") is null))
        {
            return null;
        }

        return new DocumentPerson(
            details.Text("civility"),
            details.Text("lastName") ?? "",
            details.Text("firstName") ?? "",
            details.Date("birthDate"),
            details.Text("nationalId"),
            details.Text("profession"),
            details.Text("email"),
            details.Text("phone"));
    }

    /// <summary>The person of the details, completed by the registry's: what the request says wins.</summary>
    public static DocumentPerson PersonOf(RequestDetails? details, Person? registry)
    {
        var written = Person(details);
        if (registry is null)
        {
            return written ?? new DocumentPerson(null, "", "");
        }

        var known = Person(registry);
        return written is null
            ? known
            : written with
            {
                NationalId = written.NationalId ?? known.NationalId,
                Profession = written.Profession ?? known.Profession,
                Email = written.Email ?? known.Email,
                Phone = written.Phone ?? known.Phone,
            };
    }

    public static DocumentAddress? Address(Address? address, string? recipient = null) =>
        address is null || string.IsNullOrWhiteSpace(address.Line1)
            ? null
            : new DocumentAddress(recipient, address.Line1, address.Line2, address.PostalCode, address.City, string.IsNullOrWhiteSpace(address.Country) ? "France" : address.Country);

    public static DocumentAddress? Address(RequestDetails? details) =>
        details?.Text("line1") is { } line1
            ? new DocumentAddress(details.Text("recipient"), line1, details.Text("line2"), details.Text("postalCode") ?? "", details.Text("city") ?? "", details.Text("country") ?? "France")
            : null;

    public static DocumentAddress Blank { get; } = new(null, "", null, "", "");

    public static DocumentStructure? Structure(Structure? structure) => structure is null
        ? null
        : new DocumentStructure(structure.Name, structure.Finess, structure.Siret, Address(structure.CorrespondenceAddress));

    public static DocumentCard? Card(Card? card) => card is null ? null : new DocumentCard(card.Type, card.SerialNumber, card.ValidUntil);

    /// <summary>The card a request is about: the serial its details give, else the first card of the source.</summary>
    public static Card? CardOf(DocumentSource source) =>
        source.Details.Text("cardSerial") is { } serial
            ? source.Cards.FirstOrDefault(c => c.SerialNumber == serial)
            : source.Cards.FirstOrDefault();

    /// <summary>Signature block: place and date when the details give them (a filled form), blank otherwise (a form to sign).</summary>
    public static DocumentSignature Signature(DocumentSource source, DocumentPerson signatory) => new(
        source.Details.Text("signedAt"), source.Details.Date("signedOn"), $"{signatory.FirstName} {signatory.LastName}".Trim());

    /// <summary>Who signs for a structure: the declarant of the details, else the structure's legal representative.</summary>
    public static DocumentPerson StructureDeclarant(DocumentSource source) =>
        Person(source.Details.Object("declarant"))
        ?? (source.Structure?.LegalRepresentative is { } head ? Person(head) : null)
        ?? (source.Person is { } person ? Person(person) : new DocumentPerson(null, "", ""));

    /// <summary>Where the structure's cards go: the details' address, else the structure's delivery address.</summary>
    public static DocumentAddress DeliveryAddress(DocumentSource source) =>
        Address(source.Details.Object("deliveryAddress"))
        ?? Address(source.Structure?.DeliveryAddress, source.Structure?.Name)
        ?? Address(source.Person?.CorrespondenceAddress)
        ?? Blank;

    /// <summary>What the request is, as the object of a sentence (« votre déclaration d'incident sur carte CPx »).</summary>
    public static string Subject(FormCode? form) => form switch
    {
        FormCode.F101 => "votre demande de carte de représentant légal",
        FormCode.F201 => "votre demande de carte CPS pour un auxiliaire médical salarié",
        FormCode.F301 => "votre commande de cartes de personnel",
        FormCode.F414 => "votre commande de cartes de test",
        FormCode.F501 => "votre déclaration d'incident sur carte CPx",
        FormCode.F502 => "votre demande de désignation de mandataires",
        FormCode.F503 => "votre demande relative aux administrateurs techniques",
        FormCode.F504 => "votre demande de changement d'adresse de livraison",
        FormCode.F413 => "votre déclaration d'administrateurs techniques",
        _ => "votre demande",
    };
}
