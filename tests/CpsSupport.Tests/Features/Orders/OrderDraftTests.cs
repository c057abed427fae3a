using CpsSupport.Features.Documents;
using CpsSupport.Features.Documents.Models;
using CpsSupport.Features.Orders;
using CpsSupport.Features.Requests;
using CpsSupport.Tests.Features.Documents;
using CpsSupport.Tests.TestUtilities;

namespace CpsSupport.Tests.Features.Orders;

/// <summary>
/// Filled order forms (F101, F201, F301, F414) read from real AcroForm PDFs and turned into the order the agent checks on
/// the order page: card lines, structure identifier, signatory, delivery address, and what the form says that an order
/// keeps only as its comment.
/// </summary>
public sealed class OrderDraftTests
{
    private readonly FilledFormReader _reader = new(new MutableClock(Paris.At(2026, 11, 24, 10)));

    [Fact]
    public async Task A_filled_F301_gives_one_order_line_per_holder_with_the_declarant_and_the_structure()
    {
        var (draft, reading) = await DraftAsync(new AcroFormPdf()
            .Text("formulaire", "F301")
            .Text("structure.finess", "01 000 002 4")
            .Text("declarant.lastName", "Dubois")
            .Text("declarant.firstName", "Claire")
            .Text("lines[0].cardType", "cpe")
            .Text("lines[0].lastName", "Morel")
            .Text("lines[0].firstName", "Léa")
            .Text("lines[0].jobTitle", "Secrétaire médicale")
            .Text("lines[1].reason", "replacement")
            .Text("lines[1].lastName", "Blanc")
            .Text("lines[1].firstName", "Marc")
            .Text("lines[1].nationalId", "8 9970 0026 547"), "f301.pdf");

        Assert.Equal(FormCode.F301, draft.Form);
        Assert.Equal("010000024", reading.StructureIdentifier);
        Assert.Equal("Claire Dubois", draft.DeclarantName);
        Assert.Equal(
            [new NewOrderLine("Morel", "Léa", null, "Secrétaire médicale"), new NewOrderLine("Blanc", "Marc", "899700026547", null)],
            draft.Lines);
        Assert.Null(draft.DeliveryAddress);
        Assert.Equal("Formulaire F301 reçu (f301.pdf).", draft.Comment);
        Assert.Empty(draft.Notes);
    }

    [Fact]
    public async Task A_filled_F201_keeps_the_ADELI_number_and_puts_the_contract_in_the_comment()
    {
        var (draft, _) = await DraftAsync(new AcroFormPdf()
            .Text("formulaire", "F201")
            .Text("reason", "first_card")
            .Text("employee.lastName", "Petit")
            .Text("employee.firstName", "Inès")
            .Text("employee.adeli", "69 123 4567")
            .Text("employee.profession", "Orthophoniste")
            .Text("employedSince", "01/09/2026")
            .Text("contractEndsOn", "31/08/2027")
            .Text("department", "Accueil"), "inès.pdf");

        var line = Assert.Single(draft.Lines);
        Assert.Equal(("Petit", "Inès", "Orthophoniste"), (line.LastName, line.FirstName, line.Profession));
        Assert.Equal("691234567", line.Identifier); // as the reader normalized it
        Assert.Equal("Formulaire F201 reçu (inès.pdf). Motif : première demande. Embauche le 01/09/2026. Fin de contrat le 31/08/2027. Service : Accueil.", draft.Comment);
        Assert.Null(draft.DeclarantName);
    }

    [Fact]
    public async Task A_filled_F101_orders_the_legal_representative_card_at_the_address_of_the_form()
    {
        var (draft, _) = await DraftAsync(new AcroFormPdf { Title = "F101" }
            .Text("reason", "renewal")
            .Text("legalRepresentative.lastName", "Dubois")
            .Text("legalRepresentative.firstName", "Claire")
            .Text("legalRepresentative.email", "direction@tilleuls.example")
            .Text("function", "Directrice")
            .Text("deliveryAddress.line1", "3 avenue des Tilleuls")
            .Text("deliveryAddress.postalCode", "69 003")
            .Text("deliveryAddress.city", "Lyon"), "f101.pdf");

        Assert.Equal([new NewOrderLine("Dubois", "Claire", null, "Directrice", "direction@tilleuls.example")], draft.Lines);
        Assert.Equal("Claire Dubois", draft.DeclarantName);
        Assert.Equal("3 avenue des Tilleuls, 69003 Lyon", draft.DeliveryAddress?.ToString());
        Assert.Equal("Formulaire F101 reçu (f101.pdf). Motif : renouvellement.", draft.Comment);
    }

    [Fact]
    public async Task A_filled_F414_orders_each_kit_as_many_times_as_asked_and_names_what_the_offer_lacks()
    {
        var (draft, reading) = await DraftAsync(new AcroFormPdf()
            .Text("formulaire", "F414")
            .Text("organisationName", "Éditeur Logiciel Santé")
            .Text("siret", "732 829 320 00074")
            .Text("contact.lastName", "Durand")
            .Text("contact.firstName", "Sophie")
            .Text("project", "Tests d'intégration DMP")
            .Text("kits[0].kit", "cps_doctor")
            .Text("kits[0].quantity", "3")
            .Text("kits[1].kit", "cpeOpposed")
            .Text("kits[2].kit", "cde")
            .Text("kits[2].quantity", "2"), "tests.pdf");

        Assert.Equal("73282932000074", reading.StructureIdentifier);
        Assert.Equal("Sophie Durand", draft.DeclarantName);
        Assert.Equal(["CPS médecin", "CPS médecin", "CPS médecin", "CPE opposée"], draft.Lines.Select(l => l.Profession));
        Assert.All(draft.Lines, l => Assert.Contains(l.Profession, OrderCatalog.TestCards));
        Assert.Equal(["2 carte(s) de test « Cde » : absente(s) de l'offre F414, à traiter à la main."], draft.Notes);
        Assert.Equal("Formulaire F414 reçu (tests.pdf). Projet : Tests d'intégration DMP.", draft.Comment);
    }

    [Fact]
    public async Task An_invalid_structure_identifier_is_not_looked_up_and_a_form_without_holders_says_so()
    {
        var (draft, reading) = await DraftAsync(new AcroFormPdf()
            .Text("formulaire", "F301")
            .Text("structure.finess", "010000025")
            .Text("structure.siret", "73282932000074"), "vide.pdf", expectErrors: true);

        Assert.Equal("73282932000074", reading.StructureIdentifier); // the valid SIRET, not the FINESS with a wrong key
        Assert.Empty(draft.Lines);
        Assert.Equal(["Le formulaire ne nomme aucun porteur : ajoutez les lignes à la main."], draft.Notes);
    }

    [Fact]
    public async Task Only_order_forms_make_an_order()
    {
        var reading = await _reader.ReadAsync(new AcroFormPdf().Text("formulaire", "F504").Text("newAddress.city", "Paris").ToBytes());

        Assert.Throws<ArgumentException>(() => OrderDraft.FromFilledForm(reading, "f504.pdf"));
    }

    [Fact]
    public void Every_test_card_kit_of_the_offer_is_a_test_card_of_the_order_form()
    {
        var known = Enum.GetValues<TestCardKit>().Select(OrderDraft.TestCardOf).OfType<string>().ToList();

        Assert.Equal(6, known.Count);
        Assert.All(known, card => Assert.Contains(card, OrderCatalog.TestCards));
    }

    private async Task<(OrderDraft Draft, FilledFormReading Reading)> DraftAsync(AcroFormPdf pdf, string fileName, bool expectErrors = false)
    {
        var reading = await _reader.ReadAsync(pdf.ToBytes());
        Assert.Equal(FilledFormStatus.Read, reading.Status);
        Assert.Equal(expectErrors, reading.HasErrors);
        return (OrderDraft.FromFilledForm(reading, fileName), reading);
    }
}
