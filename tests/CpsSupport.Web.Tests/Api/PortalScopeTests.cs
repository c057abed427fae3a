using System.Net;
using System.Text.Json;
using CpsSupport.Web.Tests.TestUtilities;

namespace CpsSupport.Web.Tests.Api;

/// <summary>
/// Structure managers and mandataries of A get 404 for anything of B through every lookup endpoint, and only A's rows
/// in searches; the mandatary's ended mandate on B gives nothing. Desk agents see both structures.
/// </summary>
[Collection(RegistryCollection.Name)]
public sealed class PortalScopeTests(RegistryScenario app)
{
    public static TheoryData<string> PortalUsersOfA => new() { RegistryScenario.ManagerEmail, RegistryScenario.MandataryEmail };

    [Fact]
    public void Lookup_table_covers_every_registry_endpoint_with_a_route_parameter()
    {
        var lookupTemplates = ApiEndpointCatalog.All(app.Services)
            .Where(e => e.Method == "GET" && e.HasParameters && RegistryLookups.Resources.Any(r => e.Template.StartsWith($"/api/v1/{r}/", StringComparison.Ordinal)))
            .Select(e => e.Template).Order(StringComparer.Ordinal);
        Assert.Equal(lookupTemplates, RegistryLookups.Of(app.B).Select(l => l.Template).Distinct().Order(StringComparer.Ordinal));
        var searches = ApiEndpointCatalog.All(app.Services)
            .Where(e => e.Method == "GET" && !e.HasParameters && RegistryLookups.Resources.Any(r => e.Template.StartsWith($"/api/v1/{r}", StringComparison.Ordinal)))
            .Select(e => e.Template).Order(StringComparer.Ordinal);
        Assert.Equal(searches, RegistryLookups.Searches.Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(PortalUsersOfA))]
    public async Task Portal_user_of_A_gets_404_without_data_for_everything_of_B(string email)
    {
        using var client = app.ApiClientFor(email);
        foreach (var (_, url) in RegistryLookups.Of(app.B))
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            await ProblemAssert.IsFrenchProblemAsync(response, HttpStatusCode.NotFound,
                "La ressource demandée n'existe pas ou n'est pas accessible avec vos droits.");
            Assert.DoesNotContain(app.B.Name, body);
            Assert.DoesNotContain(app.B.HolderNationalId, body);
            Assert.DoesNotContain(app.B.Id.ToString(), body);
        }
    }

    [Theory, MemberData(nameof(PortalUsersOfA))]
    public async Task Portal_user_of_A_reads_A_through_every_lookup_endpoint(string email)
    {
        using var client = app.ApiClientFor(email);
        foreach (var (_, url) in RegistryLookups.Of(app.A))
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Theory, MemberData(nameof(PortalUsersOfA))]
    public async Task Portal_user_of_A_finds_only_rows_of_A_in_every_search(string email)
    {
        using var client = app.ApiClientFor(email);

        var structures = await ItemsAsync(client, "/api/v1/structures");
        Assert.Equal([app.A.Id], structures.Select(s => s.GetProperty("id").GetGuid()));

        var cards = await ItemsAsync(client, "/api/v1/cards");
        Assert.Equal([app.A.CardId], cards.Select(c => c.GetProperty("id").GetGuid()));

        var people = (await ItemsAsync(client, "/api/v1/people")).Select(p => p.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(app.A.HolderId, people);
        Assert.Contains(app.A.LegalRepresentativeId, people);
        Assert.DoesNotContain(app.B.HolderId, people);
        Assert.DoesNotContain(app.B.LegalRepresentativeId, people);
    }

    [Theory, MemberData(nameof(PortalUsersOfA))]
    public async Task Portal_user_of_A_searching_for_B_explicitly_finds_nothing(string email)
    {
        using var client = app.ApiClientFor(email);
        string[] searches =
        [
            $"/api/v1/structures?search={Uri.EscapeDataString(app.B.Name)}",
            $"/api/v1/structures?search={app.B.Finess}",
            $"/api/v1/people?search={app.B.HolderNationalId}",
            $"/api/v1/people?search=Kine",
            $"/api/v1/cards?search={app.B.CardSerial}",
            $"/api/v1/cards?search={app.B.HolderNationalId}",
            $"/api/v1/cards?structureId={app.B.Id}",
        ];
        foreach (var url in searches)
        {
            var page = await PageAsync(client, url);
            Assert.True(page.GetProperty("totalCount").GetInt32() == 0, $"{url} found {page}");
        }
    }

    [Fact]
    public async Task Agent_sees_both_structures_through_every_lookup_and_search()
    {
        using var client = app.ApiClientFor(RegistryScenario.AgentEmail);
        foreach (var (_, url) in RegistryLookups.Of(app.A).Concat(RegistryLookups.Of(app.B)))
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var structures = (await ItemsAsync(client, "/api/v1/structures")).Select(s => s.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(app.A.Id, structures);
        Assert.Contains(app.B.Id, structures);
        var cards = (await ItemsAsync(client, "/api/v1/cards")).Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(app.A.CardId, cards);
        Assert.Contains(app.B.CardId, cards);
        var people = (await ItemsAsync(client, "/api/v1/people")).Select(p => p.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(app.A.HolderId, people);
        Assert.Contains(app.B.HolderId, people);
    }

    [Fact]
    public async Task Lookup_of_B_by_agent_returns_B_itself()
    {
        using var client = app.ApiClientFor(RegistryScenario.AgentEmail);
        var structure = await JsonAsync(client, $"/api/v1/structures/by-identifier/{app.B.Siret}");
        Assert.Equal(app.B.Id, structure.GetProperty("id").GetGuid());
        var person = await JsonAsync(client, $"/api/v1/people/by-national-id/{app.B.HolderNationalId[1..]}");
        Assert.Equal(app.B.HolderId, person.GetProperty("id").GetGuid());
        var card = await JsonAsync(client, $"/api/v1/cards/by-serial/{app.B.CardSerial}");
        Assert.Equal(app.B.CardId, card.GetProperty("id").GetGuid());
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static Task<JsonElement> PageAsync(HttpClient client, string url) => JsonAsync(client, url);

    private static async Task<IReadOnlyList<JsonElement>> ItemsAsync(HttpClient client, string url) =>
        (await JsonAsync(client, url + (url.Contains('?') ? "&" : "?") + "pageSize=200")).GetProperty("items").EnumerateArray().ToList();
}
