using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CpsSupport.Features.Accounts;
using CpsSupport.Web.Api;
using CpsSupport.Web.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CpsSupport.Web.Tests.Api;

/// <summary>
/// POST /api/v1/auth/token (password, lockout shared with the sign-in page) and the personal tokens of
/// /api/v1/me/tokens: creation, listing, revocation, expiry, and hashed storage.
/// </summary>
[Collection(RegistryCollection.Name)]
public sealed class ApiTokenTests(RegistryScenario app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private const string BadCredentials = "Adresse électronique ou mot de passe incorrect.";

    [Fact]
    public async Task Right_password_gives_an_8_hour_session_token_that_opens_the_api()
    {
        var user = await app.CreateThrowawayUserAsync(Roles.Agent);
        using var anonymous = app.CreateBrowserlessClient();
        var before = app.Clock.GetUtcNow();
        using var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new TokenRequest(user.Email, CpsWebApplicationFactory.Password));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>(Json))!;
        Assert.StartsWith(ApiTokenService.Prefix, token.Token);
        Assert.InRange(token.ExpiresAt, before.AddHours(8), app.Clock.GetUtcNow().AddHours(8));

        using var client = app.CreateBearerClient(token.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/structures")).StatusCode);
    }

    [Theory]
    [InlineData(RegistryScenario.AgentEmail, "Mauvais-Mot-de-passe-1")]
    [InlineData("inconnu@example.test", CpsWebApplicationFactory.Password)]
    [InlineData(RegistryScenario.AgentEmail, "")]
    public async Task Wrong_credentials_get_a_401_french_problem(string email, string password)
    {
        using var client = app.CreateBrowserlessClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new TokenRequest(email, password));
        await ProblemAssert.IsFrenchProblemAsync(response, HttpStatusCode.Unauthorized, BadCredentials);
    }

    [Fact]
    public async Task Five_failures_lock_the_token_endpoint_even_for_the_right_password()
    {
        var user = await app.CreateThrowawayUserAsync(Roles.Agent);
        using var client = app.CreateBrowserlessClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failure = await client.PostAsJsonAsync("/api/v1/auth/token", new TokenRequest(user.Email, "Mauvais-Mot-de-passe-" + attempt));
            await ProblemAssert.IsFrenchProblemAsync(failure, HttpStatusCode.Unauthorized, BadCredentials);
        }
        (await client.PostAsJsonAsync("/api/v1/auth/token", new TokenRequest(user.Email, "Mauvais-Mot-de-passe-5"))).Dispose();

        using var locked = await client.PostAsJsonAsync("/api/v1/auth/token", new TokenRequest(user.Email, CpsWebApplicationFactory.Password));
        await ProblemAssert.IsFrenchProblemAsync(locked, HttpStatusCode.Locked,
            "Compte verrouillé après plusieurs tentatives infructueuses. Réessayez dans 15 minutes.");
        var retryAfter = locked.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task Four_failures_do_not_lock_the_token_endpoint()
    {
        var user = await app.CreateThrowawayUserAsync(Roles.Agent);
        using var client = app.CreateBrowserlessClient();
        for (var attempt = 1; attempt <= 4; attempt++)
            (await client.PostAsJsonAsync("/api/v1/auth/token", new TokenRequest(user.Email, "Mauvais-Mot-de-passe-" + attempt))).Dispose();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new TokenRequest(user.Email, CpsWebApplicationFactory.Password));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Failures_on_the_sign_in_page_also_lock_the_token_endpoint()
    {
        var user = await app.CreateThrowawayUserAsync(Roles.Agent);
        using var browser = app.CreateBrowserlessClient(handleCookies: true);
        for (var attempt = 1; attempt <= 5; attempt++)
            (await CpsWebApplicationFactory.PostLoginAsync(browser, user.Email!, "Mauvais-Mot-de-passe-" + attempt)).Dispose();

        using var client = app.CreateBrowserlessClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new TokenRequest(user.Email, CpsWebApplicationFactory.Password));
        await ProblemAssert.IsFrenchProblemAsync(response, HttpStatusCode.Locked);
    }

    [Fact]
    public async Task Personal_token_is_created_listed_used_and_revoked()
    {
        var user = await app.CreateThrowawayUserAsync(Roles.Agent);
        using var session = app.CreateBearerClient(await app.GetTokenAsync(user.Email!));

        var before = app.Clock.GetUtcNow();
        using var created = await session.PostAsJsonAsync("/api/v1/me/tokens", new CreatePersonalTokenRequest("Intégration GLPI", 30));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var personal = (await created.Content.ReadFromJsonAsync<CreatedApiToken>(Json))!;
        Assert.Equal($"/api/v1/me/tokens/{personal.Id}", created.Headers.Location?.OriginalString);
        Assert.StartsWith(ApiTokenService.Prefix, personal.Token);
        Assert.InRange(personal.ExpiresAt, before.AddDays(30), app.Clock.GetUtcNow().AddDays(30));

        var listed = Assert.Single(await ListAsync(session), t => t.Id == personal.Id);
        Assert.Equal(("Intégration GLPI", ApiTokenKind.Personal, true), (listed.Name, listed.Kind, listed.IsActive));
        Assert.DoesNotContain(personal.Token, await session.GetStringAsync("/api/v1/me/tokens"));

        using var personalClient = app.CreateBearerClient(personal.Token);
        Assert.Equal(HttpStatusCode.OK, (await personalClient.GetAsync("/api/v1/cards")).StatusCode);

        using var revoked = await session.DeleteAsync($"/api/v1/me/tokens/{personal.Id}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        using var refused = await personalClient.GetAsync("/api/v1/cards");
        await ProblemAssert.IsFrenchProblemAsync(refused, HttpStatusCode.Unauthorized, "Le jeton d'accès est invalide, expiré ou révoqué.");
        var after = Assert.Single(await ListAsync(session), t => t.Id == personal.Id);
        Assert.False(after.IsActive);
        Assert.NotNull(after.RevokedAt);
    }

    [Fact]
    public async Task Personal_token_cannot_mint_another_personal_token()
    {
        var user = await app.CreateThrowawayUserAsync(Roles.Agent);
        using var session = app.CreateBearerClient(await app.GetTokenAsync(user.Email!));
        var personal = await CreatePersonalAsync(session, "Script", 10);

        using var client = app.CreateBearerClient(personal.Token);
        using var response = await client.PostAsJsonAsync("/api/v1/me/tokens", new CreatePersonalTokenRequest("Rebond", 365));
        await ProblemAssert.IsFrenchProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("", 30)]
    [InlineData("Trop long", 366)]
    [InlineData("Nul", 0)]
    public async Task Invalid_personal_token_requests_get_a_400_french_problem(string name, int days)
    {
        var user = await app.CreateThrowawayUserAsync(Roles.Agent);
        using var session = app.CreateBearerClient(await app.GetTokenAsync(user.Email!));
        using var response = await session.PostAsJsonAsync("/api/v1/me/tokens", new CreatePersonalTokenRequest(name, days));
        await ProblemAssert.IsFrenchProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Tokens_of_another_user_can_be_neither_listed_nor_revoked()
    {
        var owner = await app.CreateThrowawayUserAsync(Roles.Agent);
        using var ownerSession = app.CreateBearerClient(await app.GetTokenAsync(owner.Email!));
        var personal = await CreatePersonalAsync(ownerSession, "Privé", 10);

        using var other = app.ApiClientFor(RegistryScenario.SupervisorEmail);
        Assert.DoesNotContain(await ListAsync(other), t => t.Id == personal.Id);
        using var response = await other.DeleteAsync($"/api/v1/me/tokens/{personal.Id}");
        await ProblemAssert.IsFrenchProblemAsync(response, HttpStatusCode.NotFound);

        using var stillValid = app.CreateBearerClient(personal.Token);
        Assert.Equal(HttpStatusCode.OK, (await stillValid.GetAsync("/api/v1/structures")).StatusCode);
    }

    [Fact]
    public async Task Session_token_is_refused_once_its_8_hours_are_over()
    {
        var user = await app.CreateThrowawayUserAsync(Roles.Agent);
        using var client = app.CreateBearerClient(await app.GetTokenAsync(user.Email!));
        await AtAsync(TimeSpan.FromHours(8) - TimeSpan.FromMinutes(1), async () =>
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/structures")).StatusCode));
        await AtAsync(TimeSpan.FromHours(8), async () =>
            await ProblemAssert.IsFrenchProblemAsync(await client.GetAsync("/api/v1/structures"), HttpStatusCode.Unauthorized,
                "Le jeton d'accès est invalide, expiré ou révoqué."));
    }

    [Fact]
    public async Task Personal_token_is_refused_after_its_expiry_date()
    {
        var user = await app.CreateThrowawayUserAsync(Roles.Agent);
        using var session = app.CreateBearerClient(await app.GetTokenAsync(user.Email!));
        var personal = await CreatePersonalAsync(session, "Une journée", 1);
        using var client = app.CreateBearerClient(personal.Token);
        await AtAsync(TimeSpan.FromDays(1), async () =>
            await ProblemAssert.IsFrenchProblemAsync(await client.GetAsync("/api/v1/structures"), HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/structures")).StatusCode);
    }

    [Fact]
    public async Task Tokens_are_stored_as_sha256_hashes_never_in_clear()
    {
        var user = await app.CreateThrowawayUserAsync(Roles.Agent);
        var sessionToken = await app.GetTokenAsync(user.Email!);
        using var session = app.CreateBearerClient(sessionToken);
        var personal = await CreatePersonalAsync(session, "Stockage", 5);

        await using var db = app.Database.CreateContext();
        var stored = await db.ApiTokens.Where(t => t.UserId == user.Id).Select(t => t.TokenHash).ToListAsync();
        Assert.Equal(2, stored.Count);
        Assert.Contains(ApiTokenService.Hash(sessionToken), stored);
        Assert.Contains(ApiTokenService.Hash(personal.Token), stored);

        // No column of any token row holds the clear text, nor its secret part.
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        foreach (var secret in new[] { sessionToken, personal.Token })
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM api_tokens t WHERE strpos(t::text, @secret) > 0", connection);
            command.Parameters.AddWithValue("secret", secret[ApiTokenService.Prefix.Length..]);
            Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
        }
    }

    [Fact]
    public async Task Cookie_alone_does_not_open_the_api()
    {
        using var browser = await app.SignInAsync(RegistryScenario.AgentEmail);
        using var response = await browser.GetAsync("/api/v1/structures");
        await ProblemAssert.IsFrenchProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    /// <summary>Runs <paramref name="check"/> with the application clock moved forward, then puts the clock back.</summary>
    private async Task AtAsync(TimeSpan later, Func<Task> check)
    {
        app.Clock.Offset = later;
        try { await check(); }
        finally { app.Clock.Offset = TimeSpan.Zero; }
    }

    private static async Task<CreatedApiToken> CreatePersonalAsync(HttpClient session, string name, int days)
    {
        using var response = await session.PostAsJsonAsync("/api/v1/me/tokens", new CreatePersonalTokenRequest(name, days));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CreatedApiToken>(Json))!;
    }

    private static async Task<IReadOnlyList<ApiTokenInfo>> ListAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<ApiTokenInfo>>("/api/v1/me/tokens", Json))!;
}
