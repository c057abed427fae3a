using CpsSupport.Features.Calendar;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Documents.Builders;
using CpsSupport.Features.Documents.Models;
using CpsSupport.Features.People;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;

namespace CpsSupport.Tests.Features.Documents;

/// <summary>Document models built from what a request holds: its fields, its details JSON, the registry around it.</summary>
public sealed class DocumentBuildersTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static DocumentSource Source(FormCode form, string details, Structure? structure = null, Person? person = null,
        RequestStatus status = RequestStatus.Submitted, IReadOnlyList<Card>? cards = null)
    {
        var request = new SupportRequest { Number = "REQ-2026-000007", Form = form, Status = status, Details = details, CreatedAt = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero) };
        return new DocumentSource(request, null, person, structure, cards ?? [], RequestDetails.Parse(details), Today, "Lucie Moreau", BusinessCalendar.Default);
    }

    private static Structure Structure(StructureKind kind, bool contract = false) => new()
    {
        Name = "Laboratoire Delta",
        Kind = kind,
        Finess = "750712184",
        HasMembershipContract = contract,
        DeliveryAddress = new Address { Line1 = "2 rue Haute", PostalCode = "33000", City = "Bordeaux" },
        CorrespondenceAddress = new Address { Line1 = "4 rue Basse", PostalCode = "33000", City = "Bordeaux" },
        LegalRepresentative = new Person { LastName = "Roche", FirstName = "Anne", Email = "a.roche@delta.example" },
    };

    [Fact]
    public void F301_lines_get_a_CPA_in_a_structure_giving_no_care_and_the_contract_of_the_structure()
    {
        var form = StaffCardOrderFormBuilder.Build(Source(FormCode.F301, """
            { "lines": [ { "lastName": "Morel", "firstName": "Zoé", "birthDate": "02/03/1990", "jobTitle": "Assistante" },
                         { "cardType": "CPE", "reason": "renewal", "lastName": "Noël", "firstName": "Yves" } ] }
            """, Structure(StructureKind.HealthDomainNoCare, contract: true)));

        Assert.Equal([CardType.Cpa, CardType.Cpe], form.Lines.Select(l => l.CardType));
        Assert.Equal([CardRequestReason.FirstCard, CardRequestReason.Renewal], form.Lines.Select(l => l.Reason));
        Assert.Equal(new DateOnly(1990, 3, 2), form.Lines[0].Holder.BirthDate);
        Assert.True(form.MembershipContractSigned);
        Assert.Equal(("Roche", "Anne"), (form.Declarant.LastName, form.Declarant.FirstName));
        Assert.Equal(new DocumentAddress("Laboratoire Delta", "2 rue Haute", null, "33000", "Bordeaux"), form.DeliveryAddress);
        Assert.Equal(new DocumentSignature(null, null, "Anne Roche"), form.Signature);
    }

    [Fact]
    public void F414_lists_every_kit_with_the_quantities_ordered()
    {
        var form = TestCardOrderFormBuilder.Build(Source(FormCode.F414, """
            { "organisationName": "Éditeur SAS", "kits": [ { "kit": "cps_doctor", "quantity": 3 }, { "kit": "cpa" }, { "kit": "unknown", "quantity": 9 } ],
              "contact": { "lastName": "Faure", "firstName": "Léo", "email": "leo@editeur.example" } }
            """));

        Assert.Equal(Enum.GetValues<TestCardKit>(), form.Lines.Select(l => l.Kit));
        Assert.Equal(3, form.Lines.Single(l => l.Kit == TestCardKit.CpsDoctor).Quantity);
        Assert.Equal(1, form.Lines.Single(l => l.Kit == TestCardKit.Cpa).Quantity);
        Assert.Equal(4, form.TotalCards);
        Assert.Equal(("Éditeur SAS", "Faure"), (form.OrganisationName, form.Contact.LastName));
    }

    [Fact]
    public void F502_takes_the_structure_s_legal_representative_when_the_details_name_none()
    {
        var form = MandataryDesignationFormBuilder.Build(Source(FormCode.F502, """
            { "mandataries": [ { "action": "remove", "lastName": "Petit", "firstName": "Louis", "effectiveOn": "2026-12-31" } ] }
            """, Structure(StructureKind.HealthEstablishment)));

        Assert.Equal("Roche", form.LegalRepresentative.LastName);
        var line = Assert.Single(form.Mandataries);
        Assert.Equal((DesignationAction.Remove, "Petit", new DateOnly(2026, 12, 31)), (line.Action, line.Person.LastName, line.EffectiveOn!.Value));
        Assert.Equal("Laboratoire Delta", form.Structure.Name);
    }

    [Fact]
    public void F101_chooses_CDA_for_an_industrial_and_CDE_for_an_establishment()
    {
        Assert.Equal(CardType.Cda, LegalRepresentativeCardFormBuilder.Build(Source(FormCode.F101, "{}", Structure(StructureKind.Industrial))).CardType);
        Assert.Equal(CardType.Cde, LegalRepresentativeCardFormBuilder.Build(Source(FormCode.F101, "{}", Structure(StructureKind.MedicoSocial))).CardType);
        Assert.Equal(CardType.Cda, LegalRepresentativeCardFormBuilder.Build(Source(FormCode.F101, """{ "cardType": "cda" }""", Structure(StructureKind.MedicoSocial))).CardType);
    }

    [Fact]
    public void Decision_letter_of_a_rejected_request_is_a_refusal_sent_to_the_holder()
    {
        var holder = new Person { LastName = "Durand", FirstName = "Hélène", CorrespondenceAddress = new Address { Line1 = "3 avenue Foch", PostalCode = "69006", City = "Lyon" } };

        var letter = DecisionLetterBuilder.Build(Source(FormCode.F201, """{ "decisionReason": "Profession non éligible." }""", person: holder, status: RequestStatus.Rejected));

        Assert.Equal(DecisionOutcome.Refused, letter.Outcome);
        Assert.Equal("Profession non éligible.", letter.Reason);
        Assert.Equal(("Durand", "3 avenue Foch"), (letter.Recipient.LastName, letter.Address.Line1));
        Assert.Equal((new DateOnly(2026, 11, 20), Today, "Lucie Moreau"), (letter.ReceivedOn, letter.LetterDate, letter.SignatoryName));
        Assert.Equal("votre demande de carte CPS pour un auxiliaire médical salarié", letter.Subject);
    }

    [Fact]
    public void Replacement_card_is_expected_10_business_days_after_the_complete_file_and_its_codes_one_later()
    {
        var card = new Card { SerialNumber = "2501234567", Type = CardType.Cpe };

        var letter = ReplacementDispatchLetterBuilder.Build(Source(FormCode.F501, """{ "completeFileReceivedOn": "2026-11-24" }""", cards: [card]));

        Assert.Equal(new DateOnly(2026, 12, 8), letter.CardExpectedOn);
        Assert.Equal(new DateOnly(2026, 12, 9), letter.CodesExpectedOn);
        Assert.Equal(CardType.Cpe, letter.NewCardType);
        Assert.Equal("2501234567", letter.ReplacedCard!.SerialNumber);
    }

    [Fact]
    public void Details_that_are_missing_broken_or_mistyped_read_as_empty()
    {
        var broken = RequestDetails.Parse("{ not json");
        var typed = RequestDetails.Parse("""{ "kind": 3, "incidentOn": "hier", "complaintFiled": "oui", "Circumstances": "  " }""");

        Assert.Null(broken.Text("kind"));
        Assert.Null(typed.Choice<IncidentKind>("kind"));
        Assert.Null(typed.Date("incidentOn"));
        Assert.True(typed.Flag("complaintFiled"));
        Assert.Null(typed.Text("circumstances"));

        var form = IncidentDeclarationFormBuilder.Build(Source(FormCode.F501, "{ not json"));
        Assert.Null(form.Kind);
        Assert.Null(form.IncidentOn);
        Assert.Equal(DeclarantCapacity.Holder, form.DeclarantCapacity);
    }
}
