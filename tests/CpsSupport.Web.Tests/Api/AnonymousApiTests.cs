using System.Net;
using System.Text.Json;
using CpsSupport.Web.Tests.TestUtilities;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CpsSupport.Web.Tests.Api;

/// <summary>What a caller without a token gets: 401 problems on the API, the health check and the OpenAPI document.</summary>
[Collection(RegistryCollection.Name)]
public sealed class AnonymousApiTests(RegistryScenario app)
{
    /// <summary>Sign-in to the API is the one thing open to anonymous callers.</summary>
    private static readonly string[] AnonymousEndpoints = ["POST /api/v1/auth/token"];

    [Fact]
    public void Only_the_token_endpoint_of_the_api_is_open_to_anonymous_callers()
    {
        var endpoints = ApiEndpointCatalog.All(app.Services);
        Assert.True(endpoints.Count >= 13, "The catalogue found only: " + string.Join(", ", endpoints));
        Assert.Equal(AnonymousEndpoints, endpoints.Where(e => e.AllowsAnonymous).Select(e => e.ToString()));
    }

    [Fact]
    public async Task Every_protected_api_endpoint_answers_401_problem_to_anonymous_callers()
    {
        using var client = app.CreateBrowserlessClient();
        var failures = new List<string>();
        foreach (var endpoint in ApiEndpointCatalog.All(app.Services).Where(e => !e.AllowsAnonymous))
        {
            // Valid-looking values: the refusal must come from authentication, before any validation of the route.
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url(name => name switch
            {
                "id" => app.A.Id.ToString(),
                "serial" => app.A.CardSerial,
                "nationalId" => app.A.HolderNationalId,
                "identifier" => app.A.Finess,
                _ => "1",
            }));
            if (endpoint.Method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            using var response = await client.SendAsync(request);
            try
            {
                await ProblemAssert.IsFrenchProblemAsync(response, HttpStatusCode.Unauthorized);
                Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException or JsonException)
            {
                failures.Add($"{endpoint}: {e.Message}");
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Anonymous_call_accepting_only_html_gets_a_401_problem_not_a_500()
    {
        using var client = app.CreateBrowserlessClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cards");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request);
        await ProblemAssert.IsFrenchProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_token_gets_a_401_problem_saying_the_token_is_invalid()
    {
        using var client = app.CreateBearerClient("cps_" + new string('x', 43));
        using var response = await client.GetAsync("/api/v1/structures");
        await ProblemAssert.IsFrenchProblemAsync(response, HttpStatusCode.Unauthorized, "Le jeton d'accès est invalide, expiré ou révoqué.");
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Health_is_anonymous_and_includes_the_database_check()
    {
        using var client = app.CreateBrowserlessClient();
        using var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());

        var registrations = app.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        Assert.Contains(registrations, r => r.Name == "database");
        var report = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, report.Entries["database"].Status);
    }

    [Fact]
    public async Task OpenApi_document_is_anonymous_and_requires_the_bearer_scheme_on_every_endpoint_but_token_issue()
    {
        using var client = app.CreateBrowserlessClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;

        var paths = root.GetProperty("paths");
        var missing = ApiEndpointCatalog.All(app.Services)
            .Where(e => !paths.TryGetProperty(e.Template, out var path) || !path.TryGetProperty(e.Method.ToLowerInvariant(), out _))
            .Select(e => e.ToString()).ToList();
        Assert.Empty(missing);
        Assert.All(paths.EnumerateObject(), p => Assert.StartsWith("/api/", p.Name));

        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.False(root.TryGetProperty("security", out _), "A document-wide requirement would also cover the anonymous token endpoint.");

        var tokenIssue = paths.GetProperty("/api/v1/auth/token").GetProperty("post");
        Assert.False(tokenIssue.TryGetProperty("security", out _), "POST /api/v1/auth/token is anonymous: " + tokenIssue);
        var protectedOperations = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Name: o.Name.ToUpperInvariant() + " " + p.Name, Operation: o.Value)))
            .Where(o => o.Name != "POST /api/v1/auth/token")
            .ToList();
        Assert.NotEmpty(protectedOperations);
        Assert.All(protectedOperations, o =>
        {
            Assert.True(o.Operation.TryGetProperty("security", out var security), o.Name + " lists no security requirement");
            Assert.Contains(security.EnumerateArray(), r => r.TryGetProperty("Bearer", out _));
        });
    }
}
