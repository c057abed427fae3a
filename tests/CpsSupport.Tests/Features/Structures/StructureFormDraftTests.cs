using CpsSupport.Features.Documents;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.Features.Documents;
using CpsSupport.Tests.TestUtilities;

namespace CpsSupport.Tests.Features.Structures;

/// <summary>
/// A filled F502, F503 or F504 (read from a real AcroForm PDF) mapped onto a structure as the registry knows it: the
/// declarant, each line's person (by national identifier, else by name, whatever the accents and case), the lines the
/// registry cannot act on with their French message, and the new delivery address.
/// </summary>
public sealed class StructureFormDraftTests
{
    private static readonly Guid Head = Guid.NewGuid();
    private static readonly Guid Mandatary = Guid.NewGuid();
    private static readonly Guid FormerMandatary = Guid.NewGuid();
    private static readonly Guid Nurse = Guid.NewGuid();
    private static readonly Guid Candidate = Guid.NewGuid();
    private static readonly Guid Admin = Guid.NewGuid();

    private readonly FilledFormReader _reader = new(new MutableClock(Paris.At(2026, 11, 24, 10)));

    /// <summary>Les Tilleuls: Hélène DIRECTRICE heads it, Marc MANDATAIRE is a mandatary (Paul ANCIEN was), four active card holders, one technical administrator.</summary>
    private static StructureRoster Tilleuls(bool withHead = true)
    {
        var address = new Address { Line1 = "3 avenue des Tilleuls", PostalCode = "69003", City = "Lyon" };
        var structure = new StructureDetail(Guid.NewGuid(), "Clinique des Tilleuls", StructureKind.HealthEstablishment, "010000024", null, null, address, address, true,
            withHead ? Head : null, withHead ? "Hélène DIRECTRICE" : null,
            [
                new MandateDto(Guid.NewGuid(), Mandatary, "Marc MANDATAIRE", new DateOnly(2026, 1, 1), null, true),
                new MandateDto(Guid.NewGuid(), FormerMandatary, "Paul ANCIEN", new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31), false),
            ], 4, 4);
        return new StructureRoster(structure,
        [
            new RosterPerson(Head, "Hélène DIRECTRICE", null),
            new RosterPerson(Mandatary, "Marc MANDATAIRE", null),
            new RosterPerson(Nurse, "Amélie LEFÈVRE", "899700026547"),
            new RosterPerson(Candidate, "Jean-Pierre D'ARTOIS", null),
        ],
        [new TechnicalAdministratorDto(Guid.NewGuid(), Admin, "Hugo GARNIER", new DateOnly(2025, 6, 1), null, true)]);
    }

    private async Task<StructureFormDraft> DraftAsync(AcroFormPdf pdf, StructureRoster? roster = null) =>
        StructureFormDraft.From(await _reader.ReadAsync(pdf.ToBytes()), roster ?? Tilleuls());

    [Fact]
    public async Task F502_lines_are_matched_by_national_id_then_by_name_and_the_declarant_is_always_the_legal_representative()
    {
        var draft = await DraftAsync(new AcroFormPdf()
            .Text("formulaire", "F502")
            .Text("legalRepresentative.lastName", "directrice").Text("legalRepresentative.firstName", "Helene")
            // The national identifier decides, even though the name is written without its accents.
            .Text("mandataries[0].action", "designate").Text("mandataries[0].lastName", "Lefevre").Text("mandataries[0].firstName", "Amelie")
            .Text("mandataries[0].nationalId", "8 9970 0026 547")
            .Text("mandataries[1].action", "designate").Text("mandataries[1].lastName", "d'Artois").Text("mandataries[1].firstName", "jean pierre")
            .Text("mandataries[2].action", "remove").Text("mandataries[2].lastName", "MANDATAIRE").Text("mandataries[2].firstName", "Marc"));

        Assert.Equal(FormCode.F502, draft.Form);
        Assert.Equal((RequesterCapacity.StructureHead, (Guid?)Head, "Hélène DIRECTRICE", (string?)null),
            (draft.DeclarantCapacity, draft.DeclarantPersonId, draft.DeclarantName, draft.DeclarantMessage));
        Assert.Equal(
            [(1, true, (Guid?)Nurse, true), (2, true, Candidate, true), (3, false, Mandatary, true)],
            draft.Lines.Select(l => (l.Number, l.Add, l.PersonId, l.Included)));
        Assert.Empty(draft.Messages);
        Assert.Null(draft.NewAddress);
    }

    [Fact]
    public async Task F502_lines_the_registry_cannot_act_on_get_a_French_message_and_are_not_proposed()
    {
        var draft = await DraftAsync(new AcroFormPdf()
            .Text("formulaire", "F502")
            .Text("legalRepresentative.lastName", "Dubois").Text("legalRepresentative.firstName", "Claire")
            .Text("mandataries[0].action", "designate").Text("mandataries[0].lastName", "Morel").Text("mandataries[0].firstName", "Léa")
            .Text("mandataries[1].action", "remove").Text("mandataries[1].lastName", "Roux").Text("mandataries[1].firstName", "Paul")
            .Text("mandataries[2].action", "remove").Text("mandataries[2].lastName", "Ancien").Text("mandataries[2].firstName", "Paul")
            .Text("mandataries[3].action", "designate").Text("mandataries[3].lastName", "Mandataire").Text("mandataries[3].firstName", "Marc")
            .Text("mandataries[4].action", "designate").Text("mandataries[4].lastName", "Lefèvre").Text("mandataries[4].firstName", "Amélie")
            .Text("mandataries[4].nationalId", "899700075122"));

        // The registry's legal representative files it; the other name on the form is pointed out.
        Assert.Equal((Guid?)Head, draft.DeclarantPersonId);
        Assert.Equal("Le représentant légal indiqué sur le formulaire (Claire DUBOIS) n'est pas celui du registre (Hélène DIRECTRICE) : vérifiez la signature.", draft.DeclarantMessage);
        Assert.Equal(
        [
            "Ligne 1 : Léa MOREL ne détient aucune carte active de cette structure.",
            "Ligne 2 : Paul ROUX n'est pas mandataire de cette structure.",
            "Ligne 3 : Paul ANCIEN n'est pas mandataire de cette structure.",
            "Ligne 4 : Marc MANDATAIRE est déjà mandataire de cette structure : rien à changer.",
            "Ligne 5 : aucun porteur d'une carte active de cette structure n'a l'identifiant national 899700075122 (Amélie LEFÈVRE).",
        ], draft.Lines.Select(l => l.Message));
        Assert.Equal([null, null, null, (Guid?)Mandatary, null], draft.Lines.Select(l => l.PersonId));
        Assert.All(draft.Lines, l => Assert.False(l.Included));
    }

    [Fact]
    public async Task F502_of_a_structure_without_legal_representative_has_no_declarant()
    {
        var draft = await DraftAsync(new AcroFormPdf().Text("formulaire", "F502")
            .Text("mandataries[0].action", "designate").Text("mandataries[0].lastName", "Mandataire").Text("mandataries[0].firstName", "Marc"), Tilleuls(withHead: false));

        Assert.Null(draft.DeclarantPersonId);
        Assert.Equal("« Clinique des Tilleuls » n'a pas de représentant légal connu du registre : seul lui peut déposer un F502.", draft.DeclarantMessage);
    }

    [Fact]
    public async Task F503_declared_by_a_mandatary_adds_and_removes_technical_administrators()
    {
        var draft = await DraftAsync(new AcroFormPdf { Title = "F503 - Administrateurs techniques" }
            .Text("declarantCapacity", "mandatary")
            .Text("declarant.lastName", "MANDATAIRE").Text("declarant.firstName", "marc")
            .Text("administrators.0.action", "designate").Text("administrators.0.lastName", "Lefèvre").Text("administrators.0.firstName", "Amélie")
            .Text("administrators.1.action", "remove").Text("administrators.1.lastName", "Garnier").Text("administrators.1.firstName", "Hugo")
            .Text("administrators.2.action", "remove").Text("administrators.2.lastName", "Roux").Text("administrators.2.firstName", "Paul"));

        Assert.Equal(FormCode.F503, draft.Form);
        Assert.Equal((RequesterCapacity.Mandatary, (Guid?)Mandatary, "Marc MANDATAIRE"), (draft.DeclarantCapacity, draft.DeclarantPersonId, draft.DeclarantName));
        Assert.Equal([(true, (Guid?)Nurse), (false, Admin), (false, null)], draft.Lines.Select(l => (l.Add, l.PersonId)));
        Assert.Equal(["Ligne 3 : Paul ROUX n'est pas administrateur technique de cette structure."], draft.Messages);
    }

    [Fact]
    public async Task F504_gives_the_new_address_with_its_recipient_and_the_legal_representative_as_declarant()
    {
        var draft = await DraftAsync(new AcroFormPdf()
            .Text("formulaire", "F504")
            .Text("declarantCapacity", "legalRepresentative")
            .Text("declarant.lastName", "Directrice").Text("declarant.firstName", "HELENE")
            .Text("newAddress.recipient", "Service du personnel")
            .Text("newAddress.line1", "12 rue des Lilas")
            .Text("newAddress.line2", "Bâtiment B")
            .Text("newAddress.postalCode", "75 012")
            .Text("newAddress.city", "Paris"));

        Assert.Equal((RequesterCapacity.StructureHead, (Guid?)Head, (string?)null), (draft.DeclarantCapacity, draft.DeclarantPersonId, draft.DeclarantMessage));
        Assert.Empty(draft.Lines);
        Assert.Equal("Service du personnel", draft.Recipient);
        var address = Assert.IsType<Address>(draft.NewAddress);
        Assert.Equal(("12 rue des Lilas", "Service du personnel, Bâtiment B", "75012", "Paris"), (address.Line1, address.Line2, address.PostalCode, address.City));
    }

    [Theory]
    [InlineData("holder", "Marc", "Mandataire", RequesterCapacity.Holder,
        "Le déclarant se dit porteur : le formulaire F504 est réservé au représentant légal ou à un mandataire de « Clinique des Tilleuls ».")]
    [InlineData("mandatary", "Paul", "Ancien", RequesterCapacity.Mandatary, "Le déclarant Paul ANCIEN n'est pas mandataire en cours de « Clinique des Tilleuls ».")]
    [InlineData("legalRepresentative", "Marc", "Mandataire", RequesterCapacity.StructureHead,
        "Le déclarant Marc MANDATAIRE se dit représentant légal mais est mandataire de « Clinique des Tilleuls » : vérifiez sa qualité.")]
    [InlineData(null, "Claire", "Dubois", RequesterCapacity.StructureHead,
        "Le déclarant Claire DUBOIS n'est ni le représentant légal ni un mandataire en cours de « Clinique des Tilleuls ».")]
    public async Task F504_declarant_the_registry_does_not_confirm_is_left_for_the_agent_to_choose(string? capacity, string first, string last, RequesterCapacity expected,
        string message)
    {
        var pdf = new AcroFormPdf().Text("formulaire", "F504").Text("declarant.firstName", first).Text("declarant.lastName", last)
            .Text("newAddress.line1", "12 rue des Lilas").Text("newAddress.postalCode", "75012").Text("newAddress.city", "Paris");
        if (capacity is not null) pdf.Text("declarantCapacity", capacity);

        var draft = await DraftAsync(pdf);

        Assert.Equal((expected, (Guid?)null, message), (draft.DeclarantCapacity, draft.DeclarantPersonId, draft.DeclarantMessage));
    }

    [Fact]
    public async Task A_national_id_of_someone_else_than_the_name_written_is_matched_with_a_warning()
    {
        var draft = await DraftAsync(new AcroFormPdf().Text("formulaire", "F502")
            .Text("mandataries[0].action", "designate").Text("mandataries[0].lastName", "Morel").Text("mandataries[0].firstName", "Léa")
            .Text("mandataries[0].nationalId", "899700026547"));

        var line = Assert.Single(draft.Lines);
        Assert.Equal(((Guid?)Nurse, "Amélie LEFÈVRE", false), (line.PersonId, line.PersonName, line.Included));
        Assert.Equal("Ligne 1 : l'identifiant national 899700026547 est celui de Amélie LEFÈVRE, pas de Léa MOREL : vérifiez avec le déclarant.", line.Message);
    }

    [Fact]
    public async Task The_structure_named_on_the_form_is_its_FINESS_then_SIRET_then_SIREN()
    {
        var reading = await _reader.ReadAsync(new AcroFormPdf().Text("formulaire", "F504").Text("siret", "732 829 320 00074").Text("finess", "010000024").ToBytes());
        var none = await _reader.ReadAsync(new AcroFormPdf().Text("formulaire", "F504").Text("newAddress.city", "Paris").ToBytes());

        Assert.Equal("010000024", reading.StructureIdentifier);
        Assert.Null(none.StructureIdentifier);
    }

    [Fact]
    public async Task A_form_that_is_no_structure_form_is_not_mapped()
    {
        var reading = await _reader.ReadAsync(new AcroFormPdf().Text("formulaire", "F501").Text("holder.lastName", "Martin").ToBytes());

        Assert.Throws<ArgumentException>(() => StructureFormDraft.From(reading, Tilleuls()));
    }
}
