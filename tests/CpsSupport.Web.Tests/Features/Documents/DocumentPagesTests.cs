using System.Net;
using CpsSupport.Features.Accounts;
using CpsSupport.Features.Documents;
using CpsSupport.Features.Files;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;
using CpsSupport.Tests.TestUtilities;
using CpsSupport.Web.Tests.TestUtilities;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CpsSupport.Web.Tests.Features.Documents;

/// <summary>
/// The documents' web side on the real application and database: the scope-checked download and the prerendered
/// template editor and ticket documents panel. Users are signed in by a test scheme from the <c>X-Test-User</c> header.
/// </summary>
public sealed class DocumentPagesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private WebApplicationFactory<Program> _app = null!;
    private Guid _documentOfA;
    private Guid _ticketOfA;
    private Guid _filledForm;
    private Guid _ticketWithOrder;
    private Guid _filledOrder;
    private Guid _orderOfUnknownStructure;
    private readonly Guid _supervisor = Guid.NewGuid();
    private readonly Guid _managerOfB = Guid.NewGuid();
    private readonly List<string> _errors = [];

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync();
        _app = HeaderUserApp.Create(_database.ConnectionString, _errors);
        _ = _app.Server; // starts the application: migrations, roles

        await using var db = _database.CreateContext();
        var build = new RegistryBuilder(db);
        var a = build.Structure("Pharmacie des Tilleuls", finess: "010000024");
        var b = build.Structure("Clinique du Parc", finess: "010000032");
        var head = build.Person("Claire", "Dubois");
        b.LegalRepresentative = head;
        db.Users.Add(new AppUser { Id = _managerOfB, UserName = "b@test", Email = "b@test", DisplayName = "Claire Dubois", Person = head });
        var ticket = new CpsSupport.Features.Tickets.Ticket { Number = "CPS-2026-000001", Subject = "Carte perdue", Structure = a, LastActivityAt = DateTimeOffset.UtcNow };
        db.Tickets.Add(ticket);
        var request = new SupportRequest { Number = "REQ-2026-000001", Form = FormCode.F501, Structure = a, Ticket = ticket };
        db.Requests.Add(request);
        var pdf = "%PDF-1.7 document de test"u8.ToArray();
        var hash = await FileStore.AddAsync(db, pdf, DateTimeOffset.UtcNow, CancellationToken.None);
        var document = new GeneratedDocument
        {
            Template = "forms/f501", Title = "Déclaration d'incident sur carte CPx", FileName = "F501-REQ-2026-000001.pdf", Sha256 = hash,
            Size = pdf.Length, SourceSha256 = hash, RequestId = request.Id, TicketId = ticket.Id, GeneratedAt = DateTimeOffset.UtcNow, GeneratedByName = "Lucie Moreau",
        };
        db.GeneratedDocuments.Add(document);
        // A filled F501 (form fields, one identifier with a wrong key) and a scanned PDF without fields, received by mail.
        var filled = new CpsSupport.Tests.Features.Documents.AcroFormPdf { Title = "Déclaration d'incident" }
            .Text("formulaire", "F501").Text("declarantCapacity", "holder").Text("holder.lastName", "Martin").Text("holder.firstName", "Jean-Pierre")
            .Text("holder.nationalId", "899700026548").Checkbox("kind.theft", true).Text("incidentOn", "20/11/2026")
            .Text("incidentPlace", "Gare de Lyon").Text("circumstances", "Sacoche volée dans le RER A.").ToBytes();
        var scan = new CpsSupport.Tests.Features.Documents.AcroFormPdf { PageText = "F501 scanne" }.ToBytes();
        var mail = await ReceivedMail.AddAsync(db, ticket.Id, "Ci-joint le formulaire.", new("f501-rempli.pdf", filled), new("scan.pdf", scan));

        // A filled F414 on a ticket that names no structure: the form's SIRET does, and its kits become order lines.
        var orderTicket = new CpsSupport.Features.Tickets.Ticket { Number = "CPS-2026-000002", Subject = "Cartes de test", LastActivityAt = DateTimeOffset.UtcNow };
        db.Tickets.Add(orderTicket);
        a.Siret = "73282932000074";
        var f414 = new CpsSupport.Tests.Features.Documents.AcroFormPdf()
            .Text("formulaire", "F414").Text("siret", "732 829 320 00074").Text("contact.lastName", "Durand").Text("contact.firstName", "Sophie")
            .Text("project", "Intégration DMP").Text("kits[0].kit", "cpsNurse").Text("kits[0].quantity", "2").ToBytes();
        // A filled F301 naming a FINESS no structure has (valid key): nothing to propose, the agent chooses.
        var f301 = new CpsSupport.Tests.Features.Documents.AcroFormPdf()
            .Text("formulaire", "F301").Text("structure.finess", "010000040").Text("lines[0].lastName", "Morel").Text("lines[0].firstName", "Léa").ToBytes();
        var orderMail = await ReceivedMail.AddAsync(db, orderTicket.Id, "Commande.", new ReceivedFile("f414.pdf", f414, "application/octet-stream"), new ReceivedFile("f301.pdf", f301));
        await db.SaveChangesAsync();
        _ticketWithOrder = orderTicket.Id;
        _filledOrder = orderMail.Attachments[0].Id;
        _orderOfUnknownStructure = orderMail.Attachments[1].Id;
        _filledForm = mail.Attachments[0].Id;
        _documentOfA = document.Id;
        _ticketOfA = ticket.Id;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private HttpClient As(Guid userId, string role) => _app.ClientFor(userId, role);

    [Fact]
    public async Task The_download_is_an_attachment_for_the_desk_and_not_found_for_another_structure()
    {
        var desk = await As(_supervisor, Roles.Agent).GetAsync($"/documents/{_documentOfA}");
        var otherStructure = await As(_managerOfB, Roles.StructureManager).GetAsync($"/documents/{_documentOfA}");
        var anonymous = await _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync($"/documents/{_documentOfA}");

        Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
        Assert.Equal("application/pdf", desk.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", desk.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("F501-REQ-2026-000001.pdf", desk.Content.Headers.ContentDisposition?.FileName);
        Assert.StartsWith("%PDF-", await desk.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, otherStructure.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_template_editor_renders_for_a_supervisor_with_its_preview()
    {
        var page = WebUtility.HtmlDecode(await As(_supervisor, Roles.Supervisor).GetStringAsync("/administration/modeles"));

        Assert.Contains("Modèles de documents", page);
        Assert.Contains("F502 — Désignation de mandataires", page);
        Assert.Contains("data-testid=\"template-preview\"", page);
        Assert.Contains("REQ-EXEMPLE", page);
    }

    [Fact]
    public async Task The_ticket_page_offers_the_documents_and_lists_the_generated_one()
    {
        var response = await As(_supervisor, Roles.Agent).GetAsync($"/tickets/{_ticketOfA}");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.IsSuccessStatusCode, string.Join("\n", _errors));

        Assert.Contains("Générer le document", page);
        Assert.Contains("F501-REQ-2026-000001.pdf", page);
        Assert.Contains($"/documents/{_documentOfA}", page);
    }

    [Fact]
    public async Task The_ticket_page_shows_a_filled_form_with_its_checked_values_and_opens_F501_prefilled()
    {
        var response = await As(_supervisor, Roles.Agent).GetAsync($"/tickets/{_ticketOfA}");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.IsSuccessStatusCode, string.Join("\n", _errors));

        // One panel: the scanned PDF has no fields and is only attached.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "Formulaire rempli détecté"));
        Assert.Contains("Formulaire rempli détecté (F501)", page);
        Assert.Contains("Sacoche volée dans le RER A.", page);
        Assert.Contains("L'identifiant national 899700026548 a une clé de contrôle invalide (numéro RPPS 99700026548)", page);
        var prefilled = $"/demandes/nouvelle/f501?ticket={_ticketOfA}&formulaire={_filledForm}";
        Assert.Contains($"href=\"{prefilled}\"", page);

        var f501 = WebUtility.HtmlDecode(await (await As(_supervisor, Roles.Agent).GetAsync(prefilled)).Content.ReadAsStringAsync());
        Assert.True(f501.Contains("Pré-rempli depuis le formulaire reçu", StringComparison.Ordinal), string.Join("\n", _errors));
        Assert.Contains("f501-rempli.pdf", f501);
        Assert.Contains("L'identifiant national 899700026548 a une clé de contrôle invalide", f501);
        Assert.Contains("Formulaire F501 reçu (f501-rempli.pdf). Incident du 20/11/2026. Lieu : Gare de Lyon. Sacoche volée dans le RER A.", f501);
        Assert.Contains("Jean-Pierre Martin", f501);
    }

    [Fact]
    public async Task A_filled_order_form_opens_the_order_page_with_the_structure_its_SIRET_names_and_its_test_cards()
    {
        var ticket = WebUtility.HtmlDecode(await (await As(_supervisor, Roles.Agent).GetAsync($"/tickets/{_ticketWithOrder}")).Content.ReadAsStringAsync());
        var prefilled = $"/commandes/nouvelle?ticket={_ticketWithOrder}&formulaire={_filledOrder}";
        Assert.True(ticket.Contains("Formulaire rempli détecté (F414)", StringComparison.Ordinal), string.Join("\n", _errors));
        Assert.Contains($"href=\"{prefilled}\"", ticket);
        Assert.Contains("Ouvrir la demande F414 pré-remplie", ticket);

        var order = WebUtility.HtmlDecode(await (await As(_supervisor, Roles.Agent).GetAsync(prefilled)).Content.ReadAsStringAsync());
        Assert.True(order.Contains("Pré-rempli depuis le formulaire reçu", StringComparison.Ordinal), string.Join("\n", _errors));
        Assert.Contains("Pharmacie des Tilleuls", order);
        Assert.Contains("CPS-2026-000002", order);
        Assert.Contains("Formulaire F414 reçu (f414.pdf). Projet : Intégration DMP.", order);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(order, "data-testid=\"order-line-\\d\"").Count);
        // The signatory is nobody the structure knows as legal representative or mandatary: the agent is told.
        Assert.Contains("Signataire du formulaire : Sophie Durand, ni représentant légal ni mandataire de la structure choisie.", order);
    }

    [Fact]
    public async Task An_order_page_asked_to_read_a_file_of_another_ticket_prefills_nothing_and_says_why()
    {
        var order = WebUtility.HtmlDecode(await (await As(_supervisor, Roles.Agent).GetAsync($"/commandes/nouvelle?ticket={_ticketOfA}&formulaire={_filledOrder}")).Content.ReadAsStringAsync());

        Assert.True(order.Contains("Ce fichier n'est pas un bon de commande rempli (F101, F201, F301, F414) de ce ticket : rien n'a été pré-rempli.", StringComparison.Ordinal),
            string.Join("\n", _errors));
        Assert.DoesNotContain("Formulaire F414 reçu", order);
    }

    [Fact]
    public async Task An_order_form_naming_a_structure_the_registry_lacks_says_so_and_leaves_the_choice_to_the_agent()
    {
        var order = WebUtility.HtmlDecode(await (await As(_supervisor, Roles.Agent).GetAsync($"/commandes/nouvelle?ticket={_ticketWithOrder}&formulaire={_orderOfUnknownStructure}")).Content.ReadAsStringAsync());

        Assert.True(order.Contains("Formulaire F301 reçu (f301.pdf).", StringComparison.Ordinal), string.Join("\n", _errors));
        Assert.Contains("Aucune structure n'a l'identifiant 010000040 indiqué sur le formulaire : choisissez-la.", order);
        Assert.DoesNotContain("data-testid=\"order-card-type\"", order);
    }
}
