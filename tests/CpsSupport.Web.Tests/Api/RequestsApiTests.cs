using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Incidents;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.TestUtilities;
using CpsSupport.Web.Api;
using CpsSupport.Web.Tests.TestUtilities;

namespace CpsSupport.Web.Tests.Api;

/// <summary>Requests, F501–F504 and the revocation list through the API: the library's rules, portal users limited to their structures.</summary>
[Collection(RegistryCollection.Name)]
public sealed class RequestsApiTests(RegistryScenario app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static int _next;

    /// <summary>A fresh active card, so declaring on it leaves the scenario's cards as they are; in B, whose card list no test counts.</summary>
    private async Task<(Guid CardId, Guid HolderId, string Serial)> NewCardAsync(Guid structureId)
    {
        await using var db = app.Database.CreateContext(app.Clock);
        var build = new RegistryBuilder(db);
        var structure = await db.Structures.FindAsync(structureId);
        var holder = build.Person("Lucie", "Perte" + Interlocked.Increment(ref _next));
        var serial = "89" + Random.Shared.NextInt64(10_000_000, 99_999_999);
        var card = build.Card(holder, structure, CardType.Cps, serial: serial);
        await build.SaveAsync();
        return (card.Id, holder.Id, card.SerialNumber);
    }

    private static NewIncident LossByPhone(Guid cardId, Guid holderId) =>
        new(cardId, IncidentKind.Loss, RequestChannel.Phone, RequesterCapacity.Holder, DeclarantPersonId: holderId, HasUnblockCode: true);

    [Fact]
    public async Task Agent_declares_a_loss_the_card_is_opposed_and_a_replacement_is_ordered_with_its_dates()
    {
        var (cardId, holderId, serial) = await NewCardAsync(app.B.Id);
        using var agent = app.ApiClientFor(RegistryScenario.AgentEmail);

        using var check = await agent.PostAsJsonAsync("/api/v1/incidents/check", LossByPhone(cardId, holderId), Json);
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.True((await check.Content.ReadFromJsonAsync<IncidentCheck>(Json))!.Allowed);

        using var response = await agent.PostAsJsonAsync("/api/v1/incidents", LossByPhone(cardId, holderId), Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var outcome = (await response.Content.ReadFromJsonAsync<IncidentOutcome>(Json))!;
        Assert.Equal(serial, outcome.Opposition!.SerialNumber);
        Assert.NotNull(outcome.Replacement);
        Assert.True(outcome.Replacement.CardExpectedOn > outcome.Replacement.CompleteFileReceivedOn);
        Assert.True(outcome.Replacement.CodesExpectedOn > outcome.Replacement.CardExpectedOn);

        var card = (await agent.GetFromJsonAsync<CardDetail>($"/api/v1/cards/{cardId}", Json))!;
        Assert.Equal(CardStatus.Opposed, card.Status);
        var request = (await agent.GetFromJsonAsync<RequestDetail>($"/api/v1/requests/{outcome.RequestId}", Json))!;
        Assert.Equal(FormCode.F501, request.Form);
        Assert.Equal(cardId, request.CardId);
        var list = await agent.GetStringAsync($"/api/v1/requests?search={outcome.Number}&form=F501");
        Assert.Contains(outcome.Number, list);

        using var again = await agent.PostAsJsonAsync("/api/v1/incidents", LossByPhone(cardId, holderId), Json);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<IncidentOutcome>(Json))!.AlreadyDeclared);
    }

    [Fact]
    public async Task Revocation_csv_and_json_contain_the_opposed_serial()
    {
        var (cardId, holderId, serial) = await NewCardAsync(app.B.Id);
        using var agent = app.ApiClientFor(RegistryScenario.AgentEmail);
        using var declared = await agent.PostAsJsonAsync("/api/v1/incidents", LossByPhone(cardId, holderId), Json);
        Assert.Equal(HttpStatusCode.Created, declared.StatusCode);

        using var csv = await agent.GetAsync("/api/v1/revocations.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("numero_serie;identifiant_porteur;date_opposition;motif", text);
        Assert.Contains(serial + ";", text);
        var json = await agent.GetStringAsync("/api/v1/revocations");
        Assert.Contains($"\"serialNumber\":\"{serial}\"", json);
    }

    [Theory]
    [InlineData(RegistryScenario.ManagerEmail)]
    [InlineData(RegistryScenario.MandataryEmail)]
    public async Task Portal_user_of_A_gets_404_for_requests_of_B_and_cannot_file_for_B(string email)
    {
        var (cardId, holderId, _) = await NewCardAsync(app.B.Id);
        using var agent = app.ApiClientFor(RegistryScenario.AgentEmail);
        using var declared = await agent.PostAsJsonAsync("/api/v1/incidents", LossByPhone(cardId, holderId), Json);
        var ofB = (await declared.Content.ReadFromJsonAsync<IncidentOutcome>(Json))!;
        using var portal = app.ApiClientFor(email);

        using var read = await portal.GetAsync($"/api/v1/requests/{ofB.RequestId}");
        await ProblemAssert.IsFrenchProblemAsync(read, HttpStatusCode.NotFound);
        Assert.DoesNotContain(ofB.Number, await portal.GetStringAsync("/api/v1/requests?pageSize=200"));
        using var reject = await portal.PostAsJsonAsync($"/api/v1/requests/{ofB.RequestId}/reject", new RequestsApi.Rejection("?"), Json);
        Assert.True(reject.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity, $"{(int)reject.StatusCode}");

        var (otherCard, otherHolder, _) = await NewCardAsync(app.B.Id);
        using var incident = await portal.PostAsJsonAsync("/api/v1/incidents",
            new NewIncident(otherCard, IncidentKind.Loss, RequestChannel.Portal, RequesterCapacity.StructureHead, DeclarantPersonId: otherHolder), Json);
        Assert.True(incident.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity, $"{(int)incident.StatusCode}");
        using var address = await portal.PostAsJsonAsync($"/api/v1/structures/{app.B.Id}/delivery-address",
            new RequestsApi.DeliveryAddressChange(RequestChannel.Portal, RequesterCapacity.Mandatary,
                new Address { Line1 = "2 rue Neuve", PostalCode = "69001", City = "Lyon" }), Json);
        Assert.True(address.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity, $"{(int)address.StatusCode}");
        Assert.DoesNotContain(app.B.Name, await address.Content.ReadAsStringAsync());
        var card = (await agent.GetFromJsonAsync<CardDetail>($"/api/v1/cards/{otherCard}", Json))!;
        Assert.Equal(CardStatus.Active, card.Status);
    }

    [Theory]
    [InlineData(RegistryScenario.ManagerEmail)]
    [InlineData(RegistryScenario.MandataryEmail)]
    public async Task Technical_administrators_of_a_structure_are_listed_for_its_portal_users_and_the_desk_and_404_for_others(string email)
    {
        using var portal = app.ApiClientFor(email);
        using var agent = app.ApiClientFor(RegistryScenario.AgentEmail);

        using var own = await portal.GetAsync($"/api/v1/structures/{app.A.Id}/technical-administrators");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.NotNull(await own.Content.ReadFromJsonAsync<List<TechnicalAdministratorDto>>(Json));
        using var desk = await agent.GetAsync($"/api/v1/structures/{app.B.Id}/technical-administrators");
        Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
        using var other = await portal.GetAsync($"/api/v1/structures/{app.B.Id}/technical-administrators");
        await ProblemAssert.IsFrenchProblemAsync(other, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_refused_declaration_is_a_422_with_the_rule_explained_in_french()
    {
        var (cardId, holderId, _) = await NewCardAsync(app.B.Id);
        using var agent = app.ApiClientFor(RegistryScenario.AgentEmail);
        // By phone without the unblock code: the holder must write in.
        using var response = await agent.PostAsJsonAsync("/api/v1/incidents",
            LossByPhone(cardId, holderId) with { HasUnblockCode = false }, Json);
        await ProblemAssert.IsFrenchProblemAsync(response, HttpStatusCode.UnprocessableEntity);
    }
}
