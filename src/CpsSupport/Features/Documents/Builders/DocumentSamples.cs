using CpsSupport.Features.Calendar;
using CpsSupport.Features.Cards;
using CpsSupport.Features.People;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;

namespace CpsSupport.Features.Documents.Builders;

/// <summary>
/// A fictitious but complete request for every form, the model the template editor renders a draft with before
/// saving it: a template that renders the sample reads no unknown variable and breaks no syntax.
/// </summary>
public static class DocumentSamples
{
    private const string Person = """
        "civility": "Madame", "lastName": "Dubois", "firstName": "Claire", "birthDate": "1971-05-02",
        "nationalId": "899700026547", "email": "claire.dubois@tilleuls.example", "phone": "0145678901"
        """;

    /// <summary>The sample source of a definition: its form's sample for a form, the F501 sample for a letter.</summary>
    public static DocumentSource For(DocumentDefinition definition, DateOnly today)
    {
        var form = definition.Form ?? FormCode.F501;
        var structure = new Structure
        {
            Name = "Clinique des Tilleuls",
            Kind = StructureKind.HealthEstablishment,
            Finess = "750712184",
            Siret = "73282932000074",
            HasMembershipContract = true,
            DeliveryAddress = new Address { Line1 = "12 rue des Lilas", PostalCode = "75012", City = "Paris" },
            CorrespondenceAddress = new Address { Line1 = "12 rue des Lilas", PostalCode = "75012", City = "Paris" },
            LegalRepresentative = new Person { LastName = "Dubois", FirstName = "Claire", Email = "direction@tilleuls.example" },
        };
        var holder = new Person
        {
            LastName = "Martin",
            FirstName = "Jean-Pierre",
            NationalId = "899700026547",
            NationalIdKind = NationalIdKind.Rpps,
            Profession = "Infirmier",
            Email = "jp.martin@tilleuls.example",
            CorrespondenceAddress = new Address { Line1 = "3 avenue Foch", PostalCode = "69006", City = "Lyon" },
        };
        var card = new Card { SerialNumber = "2501234567", Type = CardType.Cps, Holder = holder, Structure = structure, ValidUntil = today.AddYears(3) };
        var request = new SupportRequest
        {
            Number = "REQ-EXEMPLE",
            Form = form,
            Status = RequestStatus.Submitted,
            Structure = structure,
            Person = holder,
            Details = "{" + Details(form) + Letters + "}",
            CreatedAt = new DateTimeOffset(today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero),
        };
        return new DocumentSource(request, null, holder, structure, [card], RequestDetails.Parse(request.Details), today, "Agent du support", BusinessCalendar.Default);
    }

    private const string Letters = """
        , "missingPieces": ["Copie d'une pièce d'identité en cours de validité", "Formulaire signé"],
        "decisionReason": "Motif de la décision", "nextSteps": "La suite donnée à la demande."
        """;

    private static string Details(FormCode form) => form switch
    {
        FormCode.F501 => """
            "declarantCapacity": "legalRepresentative", "declarant": { "civility": "Madame", "lastName": "Dubois", "firstName": "Claire" },
            "kind": "theft", "incidentOn": "2026-11-20", "incidentPlace": "Paris", "circumstances": "Sacoche volée.",
            "complaintFiled": true, "replacementRequested": true, "cardSerial": "2501234567"
            """,
        FormCode.F502 => $$"""
            "mandataries": [ { "action": "designate", "effectiveOn": "2026-12-01", {{Person}} },
                             { "action": "remove", "effectiveOn": "2026-12-31", "lastName": "Petit", "firstName": "Louis" } ]
            """,
        FormCode.F503 => $$"""
            "declarantCapacity": "mandatary", "declarant": { {{Person}} },
            "administrators": [ { "action": "designate", "function": "Responsable informatique", {{Person}} } ]
            """,
        FormCode.F504 => """
            "declarantCapacity": "legalRepresentative",
            "newAddress": { "recipient": "Service logistique", "line1": "5 quai de Seine", "postalCode": "75019", "city": "Paris" },
            "effectiveOn": "2027-01-01", "appliesToPendingOrders": true
            """,
        FormCode.F101 => $$"""
            "cardType": "cde", "reason": "firstCard", "function": "Directrice générale", "legalRepresentative": { {{Person}} }
            """,
        FormCode.F201 => """
            "reason": "firstCard", "employedSince": "2026-09-01", "department": "Cardiologie"
            """,
        FormCode.F301 => $$"""
            "lines": [ { "cardType": "cpe", "reason": "firstCard", "jobTitle": "Secrétaire médicale", {{Person}} },
                       { "cardType": "cpe", "reason": "renewal", "jobTitle": "Agent d'accueil", "lastName": "Petit", "firstName": "Louis" } ]
            """,
        FormCode.F414 => $$"""
            "organisationName": "Logiciels Santé SAS", "siret": "73282932000074", "project": "Logiciel de télétransmission",
            "contact": { {{Person}} }, "kits": [ { "kit": "cpsDoctor", "quantity": 2 }, { "kit": "cpeOpposed", "quantity": 1 } ]
            """,
        _ => "\"note\": \"\"",
    };
}
