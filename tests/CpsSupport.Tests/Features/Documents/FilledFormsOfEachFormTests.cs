using CpsSupport.Features.Calendar;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Documents;
using CpsSupport.Features.Documents.Builders;
using CpsSupport.Features.Documents.Models;
using CpsSupport.Features.Requests;
using CpsSupport.Tests.TestUtilities;

namespace CpsSupport.Tests.Features.Documents;

/// <summary>
/// Each form the desk receives filled (F502, F503, F504 and the orders F101, F201, F301, F414), generated with AcroForm
/// fields in the test, read back and turned into the request details its form builder prints from: lists of people,
/// addresses, choices and quantities included, every value checked.
/// </summary>
public sealed class FilledFormsOfEachFormTests
{
    private readonly FilledFormReader _reader = new(new MutableClock(Paris.At(2026, 11, 24, 10)));

    [Fact]
    public async Task A_filled_F502_gives_its_list_of_mandataries()
    {
        var reading = await ReadAsync(new AcroFormPdf()
            .Text("formulaire", "F502")
            .Text("legalRepresentative.lastName", "Dubois")
            .Text("legalRepresentative.firstName", "Claire")
            .Text("legalRepresentative.email", "direction@tilleuls.example")
            .Text("mandataries[0].action", "designate")
            .Text("mandataries[0].lastName", "Lefèvre")
            .Text("mandataries[0].firstName", "Amélie")
            .Text("mandataries[0].nationalId", "8 9970 0026 547")
            .Text("mandataries[0].effectiveOn", "01/12/2026")
            .Text("mandataries[1].action", "Remove")
            .Text("mandataries[1].lastName", "Roux")
            .Text("mandataries[1].firstName", "Paul")
            .Text("signedAt", "Paris")
            .Text("signedOn", "23/11/2026"), FormCode.F502, 13);

        Assert.Equal("899700026547", reading.ValueOf("mandataries.0.nationalId"));
        Assert.Equal("Identifiant national (ligne 1)", reading.Fields.Single(f => f.Key == "mandataries.0.nationalId").Label);
        Assert.Equal("remove", reading.ValueOf("mandataries.1.action"));

        var form = MandataryDesignationFormBuilder.Build(Source(reading));

        Assert.Equal(("Dubois", "Claire", "direction@tilleuls.example"), (form.LegalRepresentative.LastName, form.LegalRepresentative.FirstName, form.LegalRepresentative.Email));
        Assert.Equal(2, form.Mandataries.Count);
        Assert.Equal((DesignationAction.Designate, "Lefèvre", "Amélie", "899700026547", new DateOnly(2026, 12, 1)),
            (form.Mandataries[0].Action, form.Mandataries[0].Person.LastName, form.Mandataries[0].Person.FirstName, form.Mandataries[0].Person.NationalId, form.Mandataries[0].EffectiveOn!.Value));
        Assert.Equal((DesignationAction.Remove, "Roux", "Paul", (DateOnly?)null),
            (form.Mandataries[1].Action, form.Mandataries[1].Person.LastName, form.Mandataries[1].Person.FirstName, form.Mandataries[1].EffectiveOn));
        Assert.Equal(new DocumentSignature("Paris", new DateOnly(2026, 11, 23), "Claire Dubois"), form.Signature);
    }

    [Fact]
    public async Task A_filled_F503_gives_its_technical_administrators()
    {
        var reading = await ReadAsync(new AcroFormPdf { Title = "F503 - Administrateurs techniques" }
            .Text("declarantCapacity", "Legal_Representative")
            .Text("declarant.lastName", "Dubois")
            .Text("declarant.firstName", "Claire")
            .Text("administrators.0.action", "designate")
            .Text("administrators.0.lastName", "Garnier")
            .Text("administrators.0.firstName", "Hugo")
            .Text("administrators.0.function", "Responsable informatique")
            .Text("administrators.0.phone", "01 45 67 89 02")
            .Text("signedOn", "22/11/2026"), FormCode.F503, 9);

        Assert.Equal("legalRepresentative", reading.ValueOf("declarantCapacity"));

        var form = TechnicalAdministratorsFormBuilder.Build(Source(reading));

        Assert.Equal(DeclarantCapacity.LegalRepresentative, form.DeclarantCapacity);
        Assert.Equal(("Dubois", "Claire"), (form.Declarant.LastName, form.Declarant.FirstName));
        var line = Assert.Single(form.Administrators);
        Assert.Equal((DesignationAction.Designate, "Garnier", "Hugo", "Responsable informatique", "0145678902"),
            (line.Action, line.Person.LastName, line.Person.FirstName, line.Function, line.Person.Phone));
        Assert.Equal(new DateOnly(2026, 11, 22), form.Signature.Date);
    }

    [Fact]
    public async Task A_filled_F504_gives_the_new_delivery_address()
    {
        var reading = await ReadAsync(new AcroFormPdf()
            .Text("formulaire", "F504")
            .Text("declarantCapacity", "mandatary")
            .Text("declarant.lastName", "Lefèvre")
            .Text("declarant.firstName", "Amélie")
            .Text("newAddress.recipient", "Service du personnel")
            .Text("newAddress.line1", "12 rue des Lilas")
            .Text("newAddress.postalCode", "75 012")
            .Text("newAddress.city", "Paris")
            .Text("effectiveOn", "2027-01-04")
            .Checkbox("appliesToPendingOrders", false)
            .Text("signedAt", "Paris"), FormCode.F504, 9);

        Assert.Equal("75012", reading.ValueOf("newAddress.postalCode"));
        Assert.Equal("2027-01-04", reading.ValueOf("effectiveOn")); // an effective date may be ahead

        var form = DeliveryAddressChangeFormBuilder.Build(Source(reading));

        Assert.Equal(DeclarantCapacity.Mandatary, form.DeclarantCapacity);
        Assert.Equal(("Lefèvre", "Amélie"), (form.Declarant.LastName, form.Declarant.FirstName));
        Assert.Equal(new DocumentAddress("Service du personnel", "12 rue des Lilas", null, "75012", "Paris"), form.NewAddress);
        Assert.Equal(new DateOnly(2027, 1, 4), form.EffectiveOn);
        // An unticked box is no answer: the form keeps its default (the change applies to pending orders).
        Assert.True(form.AppliesToPendingOrders);
    }

    [Fact]
    public async Task A_filled_F101_order_gives_the_legal_representative_card()
    {
        var reading = await ReadAsync(new AcroFormPdf { Title = "F101" }
            .Text("cardType", "CDA")
            .Text("reason", "renewal")
            .Text("legalRepresentative.lastName", "Dubois")
            .Text("legalRepresentative.firstName", "Claire")
            .Text("legalRepresentative.birthDate", "02/05/1968")
            .Text("function", "Directrice")
            .Text("deliveryAddress.line1", "3 avenue des Tilleuls")
            .Text("deliveryAddress.postalCode", "69003")
            .Text("deliveryAddress.city", "Lyon"), FormCode.F101, 9);

        var form = LegalRepresentativeCardFormBuilder.Build(Source(reading));

        Assert.Equal((CardType.Cda, CardRequestReason.Renewal, "Directrice"), (form.CardType, form.Reason, form.Function));
        Assert.Equal(("Dubois", "Claire", new DateOnly(1968, 5, 2)), (form.LegalRepresentative.LastName, form.LegalRepresentative.FirstName, form.LegalRepresentative.BirthDate!.Value));
        Assert.Equal(("3 avenue des Tilleuls", "69003", "Lyon"), (form.DeliveryAddress.Line1, form.DeliveryAddress.PostalCode, form.DeliveryAddress.City));
    }

    [Fact]
    public async Task A_filled_F201_order_gives_the_employee_and_contract_dates()
    {
        var reading = await ReadAsync(new AcroFormPdf()
            .Text("formulaire", "F201")
            .Text("reason", "first_card")
            .Text("employee.lastName", "Petit")
            .Text("employee.firstName", "Inès")
            .Text("employee.birthDate", "09/09/1990")
            .Text("employedSince", "01/09/2026")
            .Text("contractEndsOn", "31/08/2027")
            .Text("department", "Accueil"), FormCode.F201, 7);

        var form = SalariedAuxiliaryCpsFormBuilder.Build(Source(reading));

        Assert.Equal(CardRequestReason.FirstCard, form.Reason);
        Assert.Equal(("Petit", "Inès", new DateOnly(1990, 9, 9)), (form.Employee.LastName, form.Employee.FirstName, form.Employee.BirthDate!.Value));
        Assert.Equal((new DateOnly(2026, 9, 1), new DateOnly(2027, 8, 31), "Accueil"), (form.EmployedSince!.Value, form.ContractEndsOn!.Value, form.Department));
    }

    [Fact]
    public async Task A_filled_F301_order_gives_its_card_lines()
    {
        var reading = await ReadAsync(new AcroFormPdf()
            .Text("formulaire", "F301")
            .Checkbox("membershipContractSigned", true)
            .Text("lines[0].cardType", "cpe")
            .Text("lines[0].reason", "firstCard")
            .Text("lines[0].lastName", "Morel")
            .Text("lines[0].firstName", "Léa")
            .Text("lines[0].jobTitle", "Secrétaire médicale")
            .Text("lines[1].cardType", "cpa")
            .Text("lines[1].reason", "replacement")
            .Text("lines[1].lastName", "Blanc")
            .Text("lines[1].firstName", "Marc"), FormCode.F301, 10);

        var form = StaffCardOrderFormBuilder.Build(Source(reading));

        Assert.True(form.MembershipContractSigned);
        Assert.Equal(
            [(CardType.Cpe, CardRequestReason.FirstCard, "Morel", "Léa", "Secrétaire médicale"), (CardType.Cpa, CardRequestReason.Replacement, "Blanc", "Marc", (string?)null)],
            form.Lines.Select(l => (l.CardType, l.Reason, l.Holder.LastName, l.Holder.FirstName, l.JobTitle)));
    }

    [Fact]
    public async Task A_filled_F414_order_gives_its_kits_and_quantities()
    {
        var reading = await ReadAsync(new AcroFormPdf()
            .Text("formulaire", "F414")
            .Text("organisationName", "Éditeur Logiciel Santé")
            .Text("siret", "732 829 320 00074")
            .Text("contact.lastName", "Durand")
            .Text("contact.firstName", "Sophie")
            .Text("project", "Tests d'intégration DMP")
            .Text("kits[0].kit", "cps_doctor")
            .Text("kits[0].quantity", "3")
            .Text("kits[1].kit", "Cpe")
            .Text("kits[1].quantity", "2"), FormCode.F414, 9);

        Assert.Equal("73282932000074", reading.ValueOf("siret"));

        var form = TestCardOrderFormBuilder.Build(Source(reading));

        Assert.Equal(("Éditeur Logiciel Santé", "73282932000074", "Tests d'intégration DMP"), (form.OrganisationName, form.Siret, form.Project));
        Assert.Equal(("Durand", "Sophie"), (form.Contact.LastName, form.Contact.FirstName));
        Assert.Equal(3, form.Lines.Single(l => l.Kit == TestCardKit.CpsDoctor).Quantity);
        Assert.Equal(2, form.Lines.Single(l => l.Kit == TestCardKit.Cpe).Quantity);
        Assert.Equal(5, form.TotalCards);
    }

    [Fact]
    public async Task Wrong_values_in_lists_choices_addresses_and_quantities_get_French_messages_and_are_kept_as_typed()
    {
        var reading = await _reader.ReadAsync(new AcroFormPdf()
            .Text("formulaire", "F414")
            .Text("reason", "perdue")
            .Text("mandataries[1].nationalId", "899700026548")
            .Text("mandataries[1].effectiveOn", "30/02/2027")
            .Text("deliveryAddress.postalCode", "7500")
            .Text("kits[0].kit", "cps_vétérinaire")
            .Text("kits[0].quantity", "0")
            .ToBytes());

        var errors = reading.Fields.Where(f => !f.IsValid).Select(f => $"{f.Key} = {f.Error}");
        var expected = new Dictionary<string, string?>
        {
            ["reason"] = "Motif : « perdue » n'est pas une valeur reconnue (attendu : firstCard, renewal, replacement).",
            ["mandataries.1.nationalId"] = "Ligne 2 : L'identifiant national 899700026548 a une clé de contrôle invalide (numéro RPPS 99700026548)",
            ["mandataries.1.effectiveOn"] = "Date d'effet (ligne 2) : « 30/02/2027 » n'est pas une date valide (attendu : jj/mm/aaaa).",
            ["deliveryAddress.postalCode"] = "Code postal : « 7500 » n'est pas un code postal valide (5 chiffres).",
            ["kits.0.kit"] = "Kit de cartes de test (ligne 1) : « cps_vétérinaire » n'est pas une valeur reconnue (attendu : cpsDoctor, cpsNurse, cpsPharmacist, cpe, cpeOpposed, cpa, cde).",
            ["kits.0.quantity"] = "Quantité (ligne 1) : « 0 » n'est pas une quantité valide (de 1 à 99).",
        };
        Assert.Equal(string.Join("\n", expected.Select(e => $"{e.Key} = {e.Value}")), string.Join("\n", errors));
        // As typed, in place: the second mandatary stays the second line.
        Assert.Contains("\"mandataries\":[{},{\"nationalId\":\"899700026548\",\"effectiveOn\":\"30/02/2027\"}]", reading.ToDetailsJson());
    }

    private async Task<FilledFormReading> ReadAsync(AcroFormPdf pdf, FormCode expected, int fieldCount)
    {
        var reading = await _reader.ReadAsync(pdf.ToBytes());
        Assert.Equal(FilledFormStatus.Read, reading.Status);
        Assert.Equal(expected, reading.Form);
        Assert.False(reading.HasErrors, string.Join("; ", reading.Fields.Where(f => !f.IsValid).Select(f => f.Error)));
        Assert.Equal(fieldCount, reading.Fields.Count);
        Assert.All(reading.Fields, f => Assert.NotNull(f.Key));
        return reading;
    }

    private static DocumentSource Source(FilledFormReading reading)
    {
        var request = new SupportRequest { Number = "REQ-2026-000100", Form = reading.Form!.Value, Details = reading.ToDetailsJson() };
        return new DocumentSource(request, null, null, null, [], RequestDetails.Parse(request.Details), new DateOnly(2026, 11, 24), "Lucie Moreau", BusinessCalendar.Default);
    }
}
