using System.Net;
using System.Text;
using CpsSupport.Web.Tests.TestUtilities;

namespace CpsSupport.Web.Tests.Api;

/// <summary>Every error of the API is an application/problem+json body with a French title and detail.</summary>
[Collection(RegistryCollection.Name)]
public sealed class ProblemDetailsTests(RegistryScenario app)
{
    [Theory]
    [InlineData("/api/v1/structures?page=0", "Le paramètre page commence à 1.")]
    [InlineData("/api/v1/cards?pageSize=201", "Le paramètre pageSize doit être compris entre 1 et 200.")]
    [InlineData("/api/v1/people?sortBy=age", "Tri « age » inconnu ; valeurs possibles : name, nationalId.")]
    public async Task Wrong_paging_parameters_get_a_400_french_problem(string url, string detail)
    {
        using var client = app.ApiClientFor(RegistryScenario.AgentEmail);
        using var response = await client.GetAsync(url);
        await ProblemAssert.IsFrenchProblemAsync(response, HttpStatusCode.BadRequest, detail);
    }

    [Theory]
    [InlineData("/api/v1/structures/by-identifier/123")]
    [InlineData("/api/v1/structures/by-identifier/010000025")]
    [InlineData("/api/v1/people/by-national-id/812345678901")]
    [InlineData("/api/v1/people/by-national-id/abc")]
    [InlineData("/api/v1/cards/by-serial/12-34")]
    public async Task Malformed_identifiers_get_a_400_french_problem_naming_the_rule(string url)
    {
        using var client = app.ApiClientFor(RegistryScenario.AgentEmail);
        using var response = await client.GetAsync(url);
        var problem = await ProblemAssert.IsFrenchProblemAsync(response, HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Matches("^(Le|La|L')", detail);
    }

    [Theory]
    [InlineData("/api/v1/cards?status=Perdue")]
    [InlineData("/api/v1/cards?structureId=pas-un-guid")]
    [InlineData("/api/v1/structures?page=un")]
    public async Task Unbindable_query_values_get_a_400_french_problem(string url)
    {
        using var client = app.ApiClientFor(RegistryScenario.AgentEmail);
        using var response = await client.GetAsync(url);
        await ProblemAssert.IsFrenchProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Malformed_json_body_gets_a_400_french_problem()
    {
        using var client = app.CreateBrowserlessClient();
        using var response = await client.PostAsync("/api/v1/auth/token", new StringContent("{\"email\":", Encoding.UTF8, "application/json"));
        await ProblemAssert.IsFrenchProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Wrong_method_gets_a_405_french_problem_with_the_allowed_methods()
    {
        using var client = app.ApiClientFor(RegistryScenario.AgentEmail);
        using var response = await client.PostAsync("/api/v1/structures", new StringContent("{}", Encoding.UTF8, "application/json"));
        await ProblemAssert.IsFrenchProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Body_that_is_not_json_gets_a_415_french_problem()
    {
        using var client = app.CreateBrowserlessClient();
        using var response = await client.PostAsync("/api/v1/auth/token", new StringContent("email=a&password=b", Encoding.UTF8, "application/x-www-form-urlencoded"));
        await ProblemAssert.IsFrenchProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Unknown_api_path_gets_a_404_french_problem_not_the_blazor_page()
    {
        using var client = app.ApiClientFor(RegistryScenario.AgentEmail);
        using var response = await client.GetAsync("/api/v1/ordonnances");
        await ProblemAssert.IsFrenchProblemAsync(response, HttpStatusCode.NotFound);
        using var badId = await client.GetAsync("/api/v1/cards/pas-un-guid");
        await ProblemAssert.IsFrenchProblemAsync(badId, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_id_gets_the_same_404_as_a_forbidden_one()
    {
        using var client = app.ApiClientFor(RegistryScenario.AgentEmail);
        using var response = await client.GetAsync($"/api/v1/cards/{Guid.NewGuid()}");
        await ProblemAssert.IsFrenchProblemAsync(response, HttpStatusCode.NotFound,
            "La ressource demandée n'existe pas ou n'est pas accessible avec vos droits.");
    }

    [Fact]
    public async Task Problems_carry_a_trace_id_to_find_the_request_in_the_logs()
    {
        using var client = app.ApiClientFor(RegistryScenario.AgentEmail);
        using var response = await client.GetAsync("/api/v1/structures?page=0");
        var problem = await ProblemAssert.IsFrenchProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }
}
