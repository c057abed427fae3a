using CpsSupport.Features.Cards;
using CpsSupport.Features.Documents.Models;
using CpsSupport.Features.Requests;

namespace CpsSupport.Tests.Features.Documents;

/// <summary>Known models whose every value the PDF tests look for.</summary>
public static class DocumentModels
{
    public static readonly DocumentAddress ClinicAddress =
        new("Clinique des Tilleuls", "Service du personnel", "12 rue des Lilas", "75012", "Paris");

    /// <summary>A theft declared by the clinic's legal representative for one of its nurses.</summary>
    public static IncidentDeclarationForm TheftDeclaredByLegalRepresentative() => new(
        RequestNumber: "REQ-2026-000042",
        DeclarantCapacity: DeclarantCapacity.LegalRepresentative,
        Declarant: new DocumentPerson("Madame", "Dubois", "Claire", Email: "direction@tilleuls.example", Phone: "0145678901"),
        Holder: new DocumentPerson("Monsieur", "Martin", "Jean-Pierre", new DateOnly(1975, 3, 14), "899700026547", "Infirmier",
            "jp.martin@tilleuls.example", "+33612345678"),
        Structure: new DocumentStructure("Clinique des Tilleuls", "750712184", "73282932000074", ClinicAddress),
        Card: new DocumentCard(CardType.Cps, "2501234567", new DateOnly(2029, 6, 30)),
        Kind: IncidentKind.Theft,
        IncidentOn: new DateOnly(2026, 11, 20),
        IncidentPlace: "Gare de Lyon, Paris",
        Circumstances: "Sacoche volée dans le RER A.",
        ComplaintFiled: true,
        ReplacementRequested: true,
        DeliveryAddress: ClinicAddress,
        Signature: new DocumentSignature("Paris", new DateOnly(2026, 11, 23), "Claire Dubois"));

    public static AcknowledgementLetter Acknowledgement() => new(
        RequestNumber: "REQ-2026-000042",
        Form: FormCode.F501,
        Subject: "votre déclaration d'incident sur carte CPS",
        ReceivedOn: new DateOnly(2026, 11, 23),
        LetterDate: new DateOnly(2026, 12, 1),
        Recipient: new DocumentPerson("Madame", "Dubois", "Claire"),
        Address: ClinicAddress,
        Structure: new DocumentStructure("Clinique des Tilleuls", "750712184", null),
        ProcessingBusinessDays: 10,
        SignatoryName: "Lucie Moreau");
}
