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

/// <summary>Known models of the other forms and letters.</summary>
public static class MoreDocumentModels
{
    public static readonly DocumentStructure Clinic =
        new("Clinique des Tilleuls", "750712184", "73282932000074", DocumentModels.ClinicAddress);

    public static readonly DocumentPerson Director =
        new("Madame", "Dubois", "Claire", new DateOnly(1971, 5, 2), null, null, "direction@tilleuls.example", "0145678901");

    public static readonly DocumentSignature Signed = new("Paris", new DateOnly(2026, 11, 23), "Claire Dubois");

    public static MandataryDesignationForm F502() => new(
        "REQ-2026-000502",
        Clinic,
        Director,
        [
            new MandataryLine(DesignationAction.Designate, new DocumentPerson(null, "Lefèvre", "Amélie", null, "899700026547", null, "a.lefevre@tilleuls.example", "0612345678"), new DateOnly(2026, 12, 1)),
            new MandataryLine(DesignationAction.Remove, new DocumentPerson(null, "Petit", "Louis", null, null, null, "l.petit@tilleuls.example", null), new DateOnly(2026, 12, 31)),
        ],
        Signed);

    public static TechnicalAdministratorsForm F503() => new(
        "REQ-2026-000503",
        Clinic,
        DeclarantCapacity.Mandatary,
        new DocumentPerson("Madame", "Lefèvre", "Amélie", null, "899700026547", null, "a.lefevre@tilleuls.example", "0612345678"),
        [
            new TechnicalAdministratorLine(DesignationAction.Designate, new DocumentPerson(null, "Roux", "Thomas", Email: "t.roux@tilleuls.example", Phone: "0147000001"), "Responsable informatique"),
            new TechnicalAdministratorLine(DesignationAction.Remove, new DocumentPerson(null, "Garnier", "Hugo", Email: "h.garnier@tilleuls.example"), "Technicien réseau"),
        ],
        Signed with { SignatoryName = "Amélie Lefèvre" });

    public static DeliveryAddressChangeForm F504() => new(
        "REQ-2026-000504",
        Clinic,
        DeclarantCapacity.LegalRepresentative,
        Director,
        DocumentModels.ClinicAddress,
        new DocumentAddress("Service logistique", "5 quai de Seine", "Bâtiment B", "75019", "Paris"),
        new DateOnly(2027, 1, 4),
        AppliesToPendingOrders: false,
        Signed);

    public static LegalRepresentativeCardForm F101() => new(
        "REQ-2026-000101",
        Clinic,
        CardType.Cde,
        CardRequestReason.Renewal,
        Director,
        "Directrice générale",
        DocumentModels.ClinicAddress,
        Signed);

    public static SalariedAuxiliaryCpsForm F201() => new(
        "REQ-2026-000201",
        Clinic,
        CardRequestReason.FirstCard,
        new DocumentPerson("Monsieur", "Bernard", "Lucas", new DateOnly(1990, 7, 8), "0751234567", "Masseur-kinésithérapeute", "l.bernard@tilleuls.example", "0611223344"),
        new DateOnly(2026, 9, 1),
        new DateOnly(2027, 8, 31),
        "Rééducation",
        DocumentModels.ClinicAddress,
        Director,
        Signed);

    public static StaffCardOrderForm F301(int lines = 3) => new(
        "REQ-2026-000301",
        Clinic,
        DeclarantCapacity.Mandatary,
        new DocumentPerson("Madame", "Lefèvre", "Amélie", Email: "a.lefevre@tilleuls.example"),
        MembershipContractSigned: true,
        Enumerable.Range(1, lines).Select(i => i switch
        {
            1 => new StaffCardLine(CardType.Cpe, CardRequestReason.FirstCard, new DocumentPerson("Madame", "Moreau", "Sophie", new DateOnly(1985, 1, 15), Email: "s.moreau@tilleuls.example"), "Secrétaire médicale"),
            2 => new StaffCardLine(CardType.Cpa, CardRequestReason.Renewal, new DocumentPerson("Monsieur", "Fournier", "Paul", new DateOnly(1979, 11, 30), Email: "p.fournier@tilleuls.example"), "Agent administratif"),
            3 => new StaffCardLine(CardType.Cpe, CardRequestReason.Replacement, new DocumentPerson("Madame", "Girard", "Inès", new DateOnly(1995, 6, 21), Email: "i.girard@tilleuls.example"), "Aide-soignante"),
            _ => new StaffCardLine(CardType.Cpe, CardRequestReason.FirstCard, new DocumentPerson("Madame", $"Agent{i:D2}", "Marie", new DateOnly(1980, 1, 1), Email: $"agent{i:D2}@tilleuls.example"), "Agent hospitalier"),
        }).ToList(),
        DocumentModels.ClinicAddress,
        Signed with { SignatoryName = "Amélie Lefèvre" });

    public static TestCardOrderForm F414() => new(
        "REQ-2026-000414",
        "Logiciels Santé SAS",
        "73282932000074",
        new DocumentPerson("Monsieur", "Lambert", "Nicolas", Email: "n.lambert@logiciels-sante.example", Phone: "0478000000"),
        "Logiciel de télétransmission v5",
        Enum.GetValues<TestCardKit>().Select(k => new TestCardLine(k, k switch { TestCardKit.CpsDoctor => 2, TestCardKit.CpeOpposed => 1, _ => 0 })).ToList(),
        new DocumentAddress("Logiciels Santé SAS", "8 rue de la République", null, "69002", "Lyon"),
        new DocumentSignature("Lyon", new DateOnly(2026, 11, 23), "Nicolas Lambert"));

    public static MissingPiecesLetter MissingPieces() => new(
        "REQ-2026-000042", FormCode.F501, "votre déclaration d'incident sur carte CPx",
        new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 25),
        new DocumentPerson("Monsieur", "Martin", "Jean-Pierre"),
        new DocumentAddress(null, "3 avenue Foch", null, "69006", "Lyon"),
        null,
        ["Copie d'une pièce d'identité en cours de validité", "Récépissé du dépôt de plainte"],
        new DateOnly(2026, 12, 24),
        "Lucie Moreau");

    public static DecisionLetter Refusal() => new(
        "REQ-2026-000301", FormCode.F301, "votre commande de cartes de personnel",
        new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 27),
        new DocumentPerson("Madame", "Dubois", "Claire"),
        DocumentModels.ClinicAddress,
        Clinic,
        DecisionOutcome.Refused,
        "La structure n'a pas de contrat d'adhésion : une carte CPA ne peut pas être délivrée.",
        null,
        "Lucie Moreau");

    public static ReplacementDispatchLetter Replacement() => new(
        "REQ-2026-000042", FormCode.F501, new DateOnly(2026, 11, 24),
        new DocumentPerson("Monsieur", "Martin", "Jean-Pierre"),
        new DocumentAddress(null, "3 avenue Foch", null, "69006", "Lyon"),
        null,
        new DocumentCard(CardType.Cps, "2501234567", new DateOnly(2029, 6, 30)),
        CardType.Cps,
        DocumentModels.ClinicAddress,
        new DateOnly(2026, 12, 8),
        new DateOnly(2026, 12, 9),
        "Lucie Moreau");
}
