using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CpsSupport.Features.Orders;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Tickets;
using CpsSupport.Web.Api;
using CpsSupport.Web.Tests.TestUtilities;

namespace CpsSupport.Web.Tests.Api;

/// <summary>
/// Card orders through the API: the desk files and validates, and a structure manager or mandatary of A reads or changes
/// nothing of B through any /api/v1/orders endpoint, whatever id of B they try (structure, card, order, request).
/// </summary>
[Collection(RegistryCollection.Name)]
public sealed class OrdersApiTests(RegistryScenario app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static TheoryData<string> PortalUsersOfA => new() { RegistryScenario.ManagerEmail, RegistryScenario.MandataryEmail };

    /// <summary>An F414 order of B filed by the desk (test cards: anyone may order them, no card needed).</summary>
    private async Task<OrderOutcome> OrderOfBAsync()
    {
        using var agent = app.ApiClientFor(RegistryScenario.AgentEmail);
        var filing = new OrdersApi.OrderFiling(app.B.Id, FormCode.F414, RequestChannel.Mail, RequesterCapacity.Other, [new(null, null, null, "CPS médecin")],
            DeclarantName: "Éditeur de logiciel de test");
        using var response = await agent.PostAsJsonAsync("/api/v1/orders", filing, Json);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<OrderOutcome>(Json))!;
    }

    [Fact]
    public async Task Agent_files_an_order_reads_it_and_validates_it()
    {
        var order = await OrderOfBAsync();
        using var agent = app.ApiClientFor(RegistryScenario.AgentEmail);

        var detail = (await agent.GetFromJsonAsync<OrderDetail>($"/api/v1/orders/{order.RequestId}", Json))!;
        Assert.Equal(FormCode.F414, detail.Form);
        Assert.Equal("CPS médecin", Assert.Single(detail.Lines).Profession);
        Assert.Contains(order.Number, await agent.GetStringAsync($"/api/v1/orders?structureId={app.B.Id}&pageSize=200"));
    }

    [Fact]
    public async Task Refused_order_is_a_422_with_the_rule_explained_in_french()
    {
        using var agent = app.ApiClientFor(RegistryScenario.AgentEmail);
        var filing = new OrdersApi.OrderFiling(app.B.Id, FormCode.F201, RequestChannel.Mail, RequesterCapacity.StructureHead,
            [new("Blanc", "Julie", "99700026547", "Infirmière")], DeclarantPersonId: app.B.LegalRepresentativeId);

        using var response = await agent.PostAsJsonAsync("/api/v1/orders", filing, Json);

        await ProblemAssert.IsFrenchProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        using var checkResponse = await agent.PostAsJsonAsync("/api/v1/orders/check", filing, Json);
        var check = (await checkResponse.Content.ReadFromJsonAsync<OrderCheck>(Json))!;
        Assert.False(check.Allowed);
        Assert.Contains(Assert.Single(check.Lines).Errors, e => e.Contains("automatiquement"));
    }

    [Fact]
    public async Task Import_with_a_bad_line_is_a_422_listing_the_lines_and_saves_nothing()
    {
        using var agent = app.ApiClientFor(RegistryScenario.AgentEmail);
        var before = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/orders?structureId={app.B.Id}&pageSize=200");
        using var body = new StringContent("nom;prenom;identifiant;profession\nBernard;Lucas;;Agent\nBlanc;Julie;99700026548;Agent\n", Encoding.UTF8, "text/csv");

        using var response = await agent.PostAsync($"/api/v1/orders/import?structureId={app.B.Id}&form=F301&channel=Mail&capacity=StructureHead", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var preview = (await response.Content.ReadFromJsonAsync<OrderImportPreview>(Json))!;
        Assert.Contains(preview.Lines[1].Errors, e => e.Contains("RPPS"));
        var after = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/orders?structureId={app.B.Id}&pageSize=200");
        Assert.Equal(before.GetProperty("totalCount").GetInt32(), after.GetProperty("totalCount").GetInt32());
    }

    [Theory, MemberData(nameof(PortalUsersOfA))]
    public async Task Portal_user_of_A_reads_and_changes_nothing_of_B_through_every_order_endpoint(string email)
    {
        var order = await OrderOfBAsync();
        using var portal = app.ApiClientFor(email);
        Guid[] idsOfB = [app.B.Id, app.B.CardId, order.RequestId, app.B.HolderId];
        var endpoints = ApiEndpointCatalog.All(app.Services).Where(e => e.Template.StartsWith("/api/v1/orders", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, endpoints.Count);
        var failures = new List<string>();

        foreach (var endpoint in endpoints)
        foreach (var id in idsOfB)
        {
            var url = endpoint.Url(_ => id.ToString()) + $"?structureId={app.B.Id}&form=F301";
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url);
            if (endpoint.Template.EndsWith("/import", StringComparison.Ordinal) || endpoint.Template.EndsWith("/preview", StringComparison.Ordinal))
                request.Content = new StringContent("nom;prenom;profession\nBernard;Lucas;Agent\n", Encoding.UTF8, "text/csv");
            else if (endpoint.Method == "POST")
                request.Content = JsonContent.Create(new
                {
                    structureId = app.B.Id, form = "F301", channel = "Portal", capacity = "Mandatary", ids = new[] { id },
                    lines = new[] { new { lastName = "Bernard", firstName = "Lucas", profession = "Agent" } },
                });
            using var response = await portal.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var isList = endpoint.Method == "GET" && !endpoint.HasParameters;
            if (isList)
            {
                if (response.StatusCode != HttpStatusCode.OK || JsonDocument.Parse(body).RootElement.GetProperty("totalCount").GetInt32() != 0)
                    failures.Add($"{endpoint} ({id}): {(int)response.StatusCode} {body}");
            }
            else if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity))
            {
                failures.Add($"{endpoint} ({id}): {(int)response.StatusCode} {body}");
            }
            if (body.Contains(app.B.Name) || body.Contains(order.Number)) failures.Add($"{endpoint} ({id}) leaks B: {body}");
        }

        Assert.Empty(failures);
        using var agent = app.ApiClientFor(RegistryScenario.AgentEmail);
        var still = (await agent.GetFromJsonAsync<OrderDetail>($"/api/v1/orders/{order.RequestId}", Json))!;
        Assert.Equal(order.Status, still.Status);
        Assert.All(still.Lines, l => Assert.Null(l.CardId));
    }

    [Theory, MemberData(nameof(PortalUsersOfA))]
    public async Task Portal_user_of_A_gets_404_for_the_order_of_B_and_does_not_find_it(string email)
    {
        var order = await OrderOfBAsync();
        using var portal = app.ApiClientFor(email);

        using var read = await portal.GetAsync($"/api/v1/orders/{order.RequestId}");
        await ProblemAssert.IsFrenchProblemAsync(read, HttpStatusCode.NotFound, "La ressource demandée n'existe pas ou n'est pas accessible avec vos droits.");
        Assert.DoesNotContain(order.Number, await portal.GetStringAsync("/api/v1/orders?pageSize=200"));
        Assert.DoesNotContain(order.Number, await portal.GetStringAsync($"/api/v1/orders?search={order.Number}"));
        using var asRequest = await portal.GetAsync($"/api/v1/requests/{order.RequestId}");
        Assert.Equal(HttpStatusCode.NotFound, asRequest.StatusCode);
    }
}
