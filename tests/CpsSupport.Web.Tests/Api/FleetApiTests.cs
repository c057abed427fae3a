using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Incidents;
using CpsSupport.Features.Requests;
using CpsSupport.Features.StructurePortal;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.TestUtilities;
using CpsSupport.Web.Api;
using CpsSupport.Web.Tests.TestUtilities;

namespace CpsSupport.Web.Tests.Api;

/// <summary>The scenario's world in a database of its own: these tests add cards to A, which the shared scenario's exact counts forbid.</summary>
public sealed class FleetScenario : RegistryScenario;

/// <summary>
/// The structure portal's API: the caller's structures, a structure's fleet (filters, CSV) and the departure of an employee,
/// with portal users of A unable to read or change anything of B.
/// </summary>
public sealed class FleetApiTests(FleetScenario app) : IClassFixture<FleetScenario>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static int _next;

    public static TheoryData<string> PortalUsersOfA => new() { RegistryScenario.ManagerEmail, RegistryScenario.MandataryEmail };

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);

    /// <summary>A new staff card (CPE, no RPPS: its departure may be declared) in the given structure.</summary>
    private async Task<(Guid CardId, string Serial, string Holder)> NewStaffCardAsync(Guid structureId, CardType type = CardType.Cpe,
        CardStatus status = CardStatus.Active, DateOnly? validUntil = null)
    {
        await using var db = app.Database.CreateContext(app.Clock);
        var build = new RegistryBuilder(db);
        var structure = await db.Structures.FindAsync(structureId);
        var lastName = "Depart" + Interlocked.Increment(ref _next);
        var card = build.Card(build.Person("Lina", lastName, profession: "Agent d'accueil"), structure, type, status, "77" + Random.Shared.NextInt64(10_000_000, 99_999_999));
        if (validUntil is { } until) card.ValidUntil = until;
        await build.SaveAsync();
        return (card.Id, card.SerialNumber, "Lina " + lastName.ToUpperInvariant());
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<List<string>> SerialsAsync(HttpClient client, string url) =>
        (await JsonAsync(client, url)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("serialNumber").GetString()!).ToList();

    [Theory, MemberData(nameof(PortalUsersOfA))]
    public async Task Portal_structures_lists_only_the_callers_structure_with_its_counts(string email)
    {
        using var client = app.ApiClientFor(email);
        var structures = (await JsonAsync(client, "/api/v1/portal/structures")).EnumerateArray().ToList();
        var a = Assert.Single(structures);
        Assert.Equal(app.A.Id, a.GetProperty("id").GetGuid());
        Assert.Equal(email == RegistryScenario.ManagerEmail, a.GetProperty("isLegalRepresentative").GetBoolean());
        Assert.True(a.GetProperty("cardCount").GetInt32() >= 1);
        Assert.DoesNotContain(app.B.Name, structures.Select(s => s.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Fleet_filters_by_status_type_search_and_expiry_within_the_structure()
    {
        var soon = await NewStaffCardAsync(app.A.Id, CardType.Cpa, validUntil: Today.AddDays(15));
        var expired = await NewStaffCardAsync(app.A.Id, CardType.Cpe, CardStatus.Expired, Today.AddDays(5));
        var other = await NewStaffCardAsync(app.B.Id, CardType.Cpa, validUntil: Today.AddDays(15));
        using var client = app.ApiClientFor(RegistryScenario.ManagerEmail);
        var fleet = $"/api/v1/structures/{app.A.Id}/fleet";

        var all = await SerialsAsync(client, fleet + "?pageSize=200");
        Assert.Contains(app.A.CardSerial, all);
        Assert.Contains(soon.Serial, all);
        Assert.DoesNotContain(other.Serial, all);
        Assert.DoesNotContain(app.B.CardSerial, all);

        Assert.Equal([soon.Serial], await SerialsAsync(client, fleet + "?type=Cpa"));
        Assert.Contains(expired.Serial, await SerialsAsync(client, fleet + "?status=Expired"));
        Assert.DoesNotContain(soon.Serial, await SerialsAsync(client, fleet + "?status=Expired"));
        var expiring = await SerialsAsync(client, fleet + "?expiringWithinDays=30&pageSize=200");
        Assert.Contains(soon.Serial, expiring);
        Assert.DoesNotContain(expired.Serial, expiring);
        Assert.DoesNotContain(app.A.CardSerial, expiring);
        Assert.Equal([expired.Serial], await SerialsAsync(client, fleet + "?search=" + Uri.EscapeDataString(expired.Holder)));
        Assert.Equal([app.A.CardSerial], await SerialsAsync(client, fleet + "?search=" + app.A.HolderNationalId));

        var row = (await JsonAsync(client, fleet + "?type=Cpa")).GetProperty("items")[0];
        Assert.True(row.GetProperty("expiresSoon").GetBoolean());
        var sorted = await SerialsAsync(client, fleet + "?sortBy=serialNumber&desc=true&pageSize=200");
        Assert.Equal(sorted.OrderDescending(StringComparer.Ordinal), sorted);

        using var bad = await client.GetAsync(fleet + "?expiringWithinDays=-3");
        await ProblemAssert.IsFrenchProblemAsync(bad, HttpStatusCode.BadRequest, "Le nombre de jours avant expiration doit être compris entre 0 et 3650.");
        using var badSort = await client.GetAsync(fleet + "?sortBy=structureName");
        await ProblemAssert.IsFrenchProblemAsync(badSort, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Fleet_csv_is_utf8_with_bom_semicolons_french_headers_and_only_the_filtered_cards_of_the_structure()
    {
        var card = await NewStaffCardAsync(app.A.Id, CardType.Cda, validUntil: Today.AddDays(10));
        using var client = app.ApiClientFor(RegistryScenario.MandataryEmail);
        using var response = await client.GetAsync($"/api/v1/structures/{app.A.Id}/fleet.csv?type=Cda");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"parc-cartes-{app.A.Id:N}.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(';', FleetService.CsvHeader), lines[0]);
        Assert.Equal("Titulaire;Identifiant national;Profession;Type de carte;N° de série;Statut;Date d'émission;Date d'expiration;Expire bientôt", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.Equal($"{card.Holder};;Agent d'accueil;CDA;{card.Serial};Active;01/01/2025;{Today.AddDays(10):dd/MM/yyyy};oui", row);
    }

    [Fact]
    public async Task Manager_declares_a_departure_the_card_is_opposed_with_its_history_and_a_second_call_returns_the_first()
    {
        var card = await NewStaffCardAsync(app.A.Id);
        using var client = app.ApiClientFor(RegistryScenario.ManagerEmail);
        using var response = await client.PostAsJsonAsync($"/api/v1/cards/{card.CardId}/departure", new DepartureDeclaration(Today, "Mutation"), Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var outcome = (await response.Content.ReadFromJsonAsync<IncidentOutcome>(Json))!;
        Assert.Equal(RequestStatus.Completed, outcome.Status);
        Assert.Null(outcome.Replacement);
        Assert.Equal($"/api/v1/requests/{outcome.RequestId}", response.Headers.Location?.ToString());

        var detail = (await client.GetFromJsonAsync<CardDetail>($"/api/v1/cards/{card.CardId}", Json))!;
        Assert.Equal(CardStatus.Opposed, detail.Status);
        Assert.Contains("départ de la structure", detail.OppositionReason);
        Assert.Contains(detail.Events, e => e.Status == CardStatus.Opposed && e.Reason!.Contains("Départ de l'employé") && e.Reason.Contains("Mutation"));
        var request = (await client.GetFromJsonAsync<RequestDetail>($"/api/v1/requests/{outcome.RequestId}", Json))!;
        Assert.Equal((FormCode.F501, RequestChannel.Portal, RequesterCapacity.StructureHead), (request.Form, request.Channel, request.Capacity));

        using var again = await client.PostAsync($"/api/v1/cards/{card.CardId}/departure", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<IncidentOutcome>(Json))!.AlreadyDeclared);
    }

    [Fact]
    public async Task Mandatary_declares_a_departure_as_mandatary()
    {
        var card = await NewStaffCardAsync(app.A.Id);
        using var client = app.ApiClientFor(RegistryScenario.MandataryEmail);
        using var response = await client.PostAsJsonAsync($"/api/v1/cards/{card.CardId}/departure", new DepartureDeclaration(), Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var outcome = (await response.Content.ReadFromJsonAsync<IncidentOutcome>(Json))!;
        var request = (await client.GetFromJsonAsync<RequestDetail>($"/api/v1/requests/{outcome.RequestId}", Json))!;
        Assert.Equal(RequesterCapacity.Mandatary, request.Capacity);
    }

    [Theory, MemberData(nameof(PortalUsersOfA))]
    public async Task Portal_user_of_A_cannot_declare_a_departure_on_anything_of_B(string email)
    {
        var cardOfB = await NewStaffCardAsync(app.B.Id);
        using var client = app.ApiClientFor(email);
        foreach (var id in new[] { cardOfB.CardId, app.B.CardId, app.B.Id, app.B.HolderId, Guid.NewGuid() })
        {
            using var response = await client.PostAsJsonAsync($"/api/v1/cards/{id}/departure", new DepartureDeclaration(), Json);
            var body = await ProblemAssert.IsFrenchProblemAsync(response, HttpStatusCode.NotFound, "La ressource demandée n'existe pas ou n'est pas accessible avec vos droits.");
            Assert.DoesNotContain(cardOfB.Serial, body.ToString());
        }
        using var agent = app.ApiClientFor(RegistryScenario.AgentEmail);
        Assert.Equal(CardStatus.Active, (await agent.GetFromJsonAsync<CardDetail>($"/api/v1/cards/{cardOfB.CardId}", Json))!.Status);
        Assert.Equal(CardStatus.Active, (await agent.GetFromJsonAsync<CardDetail>($"/api/v1/cards/{app.B.CardId}", Json))!.Status);
    }

    [Fact]
    public async Task Departure_is_refused_in_french_for_an_rpps_nurse_not_radiated_and_for_desk_staff()
    {
        using var manager = app.ApiClientFor(RegistryScenario.ManagerEmail);
        using var rpps = await manager.PostAsJsonAsync($"/api/v1/cards/{app.A.CardId}/departure", new DepartureDeclaration(), Json);
        var problem = await ProblemAssert.IsFrenchProblemAsync(rpps, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("profession gérée par le RPPS", problem.GetProperty("detail").GetString());

        var card = await NewStaffCardAsync(app.A.Id);
        using var agent = app.ApiClientFor(RegistryScenario.AgentEmail);
        using var desk = await agent.PostAsJsonAsync($"/api/v1/cards/{card.CardId}/departure", new DepartureDeclaration(), Json);
        var deskProblem = await ProblemAssert.IsFrenchProblemAsync(desk, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("formulaire F501", deskProblem.GetProperty("detail").GetString());

        using var future = await manager.PostAsJsonAsync($"/api/v1/cards/{card.CardId}/departure", new DepartureDeclaration(Today.AddDays(1)), Json);
        await ProblemAssert.IsFrenchProblemAsync(future, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(CardStatus.Active, (await agent.GetFromJsonAsync<CardDetail>($"/api/v1/cards/{app.A.CardId}", Json))!.Status);
        Assert.Equal(CardStatus.Active, (await agent.GetFromJsonAsync<CardDetail>($"/api/v1/cards/{card.CardId}", Json))!.Status);
    }
}
