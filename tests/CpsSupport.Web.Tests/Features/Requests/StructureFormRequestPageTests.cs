using System.Net;
using CpsSupport.Features.Accounts;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.Features.Documents;
using CpsSupport.Tests.TestUtilities;
using CpsSupport.Web.Tests.TestUtilities;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CpsSupport.Web.Tests.Features.Requests;

/// <summary>
/// The desk's page for a received F502, F503 or F504 on the real application and database, prerendered: the ticket's
/// filled-form panel opens it, and it shows the values of the filled PDF matched onto the structure of the registry.
/// </summary>
public sealed class StructureFormRequestPageTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private WebApplicationFactory<Program> _app = null!;
    private Guid _ticket;
    private Guid _f504;
    private Guid _f502;
    private Guid _f503;
    private readonly Guid _agent = Guid.NewGuid();
    private readonly Guid _manager = Guid.NewGuid();
    private readonly List<string> _errors = [];

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync();
        _app = HeaderUserApp.Create(_database.ConnectionString, _errors);
        _ = _app.Server; // starts the application: migrations, roles

        await using var db = _database.CreateContext();
        var build = new RegistryBuilder(db);
        var clinic = build.Structure("Clinique des Tilleuls", finess: "010000024");
        var head = build.Person("Claire", "Dubois");
        clinic.LegalRepresentative = head;
        build.Card(head, clinic, CpsSupport.Features.Cards.CardType.Cde);
        build.Card(build.Person("Amélie", "Lefèvre", "899700026547", "Infirmier"), clinic);
        db.Users.Add(new AppUser { Id = _manager, UserName = "claire@test", Email = "claire@test", DisplayName = "Claire Dubois", Person = head });
        var ticket = new Ticket { Number = "CPS-2026-000042", Subject = "Formulaires de la clinique", Channel = TicketChannel.Mail, Structure = clinic, LastActivityAt = DateTimeOffset.UtcNow };
        db.Tickets.Add(ticket);

        var f504 = new AcroFormPdf().Text("formulaire", "F504").Text("declarantCapacity", "legalRepresentative")
            .Text("declarant.lastName", "DUBOIS").Text("declarant.firstName", "claire")
            .Text("newAddress.recipient", "Service du personnel").Text("newAddress.line1", "12 rue des Lilas")
            .Text("newAddress.postalCode", "75 012").Text("newAddress.city", "Paris").Text("effectiveOn", "04/01/2027").Text("signedAt", "Lyon").ToBytes();
        var f502 = new AcroFormPdf().Text("formulaire", "F502").Text("finess", "010000024")
            .Text("legalRepresentative.lastName", "Dubois").Text("legalRepresentative.firstName", "Claire")
            .Text("mandataries[0].action", "designate").Text("mandataries[0].lastName", "Lefevre").Text("mandataries[0].firstName", "Amelie")
            .Text("mandataries[0].nationalId", "899700026547")
            .Text("mandataries[1].action", "remove").Text("mandataries[1].lastName", "Roux").Text("mandataries[1].firstName", "Paul").ToBytes();
        var f503 = new AcroFormPdf { Title = "F503 - Administrateurs techniques" }.Text("declarantCapacity", "mandatary")
            .Text("declarant.lastName", "Lefèvre").Text("declarant.firstName", "Amélie")
            .Text("administrators.0.action", "designate").Text("administrators.0.lastName", "Dubois").Text("administrators.0.firstName", "Claire").ToBytes();
        var mail = await ReceivedMail.AddAsync(db, ticket.Id, "Ci-joint nos formulaires.",
            new("f504-rempli.pdf", f504), new("f502-rempli.pdf", f502), new("f503-rempli.pdf", f503), new("cni.pdf", "%PDF-1.4 carte d'identité"u8.ToArray()));
        await db.SaveChangesAsync();
        (_ticket, _f504, _f502, _f503) = (ticket.Id, mail.Attachments[0].Id, mail.Attachments[1].Id, mail.Attachments[2].Id);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<string> PageAsync(string url, Guid user, string role = Roles.Agent)
    {
        var response = await _app.ClientFor(user, role).GetAsync(url);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}\n" + string.Join("\n", _errors));
        return page;
    }

    private string Prefilled(Guid attachment) => $"/demandes/nouvelle/structure?ticket={_ticket}&formulaire={attachment}";

    [Fact]
    public async Task The_ticket_page_opens_each_filled_structure_form_on_the_structure_request_page()
    {
        var page = await PageAsync($"/tickets/{_ticket}", _agent);

        Assert.Contains("Formulaire rempli détecté (F504)", page);
        Assert.Contains("Formulaire rempli détecté (F502)", page);
        Assert.Contains($"href=\"{Prefilled(_f504)}\"", page);
        Assert.Contains($"href=\"{Prefilled(_f502)}\"", page);
    }

    [Fact]
    public async Task The_F504_page_is_prefilled_with_the_new_address_and_the_legal_representative()
    {
        var page = await PageAsync(Prefilled(_f504), _agent);

        Assert.Contains("Pré-rempli depuis le formulaire reçu", page);
        Assert.Contains("f504-rempli.pdf", page);
        Assert.Contains("CPS-2026-000042", page);
        Assert.Contains("Clinique des Tilleuls (FINESS 010000024)", page);
        Assert.Contains("Claire DUBOIS (représentant légal)", page);
        Assert.Contains("value=\"12 rue des Lilas\"", page);
        Assert.Contains("value=\"Service du personnel\"", page);
        Assert.Contains("value=\"75012\"", page);
        Assert.Contains("Formulaire F504 reçu (f504-rempli.pdf). Date d'effet demandée : 04/01/2027. Signé à Lyon.", page);
        Assert.Contains("Déposer la demande F504", page);
        Assert.DoesNotContain("data-testid=\"structure-request-prefilled-error\"", page);
    }

    [Fact]
    public async Task The_F502_page_matches_the_lines_and_says_which_cannot_be_filed()
    {
        var page = await PageAsync(Prefilled(_f502), _agent);

        Assert.Contains("Pré-rempli depuis le formulaire reçu", page);
        Assert.Contains("Mandataires (F502)", page);
        Assert.Contains("Amélie LEFÈVRE", page);
        Assert.Contains("sur le formulaire : Amelie LEFEVRE", page);
        Assert.Contains("Ligne 2 : Paul ROUX n'est pas mandataire de cette structure.", page);
        Assert.Contains("Déposer la demande F502", page);
    }

    [Fact]
    public async Task The_F503_page_says_the_declarant_is_no_mandatary_and_matches_the_administrator()
    {
        var page = await PageAsync(Prefilled(_f503), _agent);

        Assert.Contains("Administrateurs techniques (F503)", page);
        Assert.Contains("Le déclarant Amélie LEFÈVRE n'est pas mandataire en cours de « Clinique des Tilleuls ».", page);
        Assert.Contains("value=\"Claire DUBOIS\"", page);
        Assert.Contains("Déposer la demande F503", page);
    }

    [Fact]
    public async Task A_file_of_another_ticket_prefills_nothing_and_the_portal_has_no_access()
    {
        var other = await PageAsync($"/demandes/nouvelle/structure?ticket={Guid.NewGuid()}&formulaire={_f504}", _agent);
        var manager = await _app.ClientFor(_manager, Roles.StructureManager).GetAsync(Prefilled(_f504));
        var managerPage = await manager.Content.ReadAsStringAsync();

        Assert.Contains("n'est pas un formulaire F502, F503 ou F504 rempli de ce ticket : rien n'a été pré-rempli.", other);
        Assert.DoesNotContain("12 rue des Lilas", other);
        Assert.DoesNotContain("12 rue des Lilas", managerPage);
        Assert.DoesNotContain("Déposer la demande", managerPage);
    }

    [Fact]
    public async Task Without_a_filled_form_the_agent_fills_the_ticket_structures_form_by_hand()
    {
        var page = await PageAsync($"/demandes/nouvelle/structure?ticket={_ticket}", _agent);

        Assert.DoesNotContain("Pré-rempli depuis le formulaire reçu", page);
        Assert.Contains("Clinique des Tilleuls (FINESS 010000024)", page);
        Assert.Contains("Claire DUBOIS (représentant légal)", page);
        Assert.Contains("Aucune ligne : ajoutez-en une.", page);
        Assert.Contains("Ajouter une ligne", page);
        Assert.Contains("Déposer la demande F502", page);
    }
}
