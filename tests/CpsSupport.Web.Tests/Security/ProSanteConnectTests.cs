using System.Net;
using CpsSupport.Features.Accounts;
using CpsSupport.Features.Identifiers;
using CpsSupport.Tests.TestUtilities;
using CpsSupport.Web.Security;
using CpsSupport.Web.Tests.TestUtilities;
using Microsoft.AspNetCore.WebUtilities;

namespace CpsSupport.Web.Tests.Security;

/// <summary>
/// Pro Santé Connect sign-in: OpenID Connect code flow with PKCE, eIDAS 1 level, PSC scopes; on return the national
/// identifier must be that of the person linked to an existing, unlocked account.
/// </summary>
public sealed class ProSanteConnectTests(ProSanteConnectTests.Fixture app) : IClassFixture<ProSanteConnectTests.Fixture>
{
    private const string AuthCookie = "CpsSupport.Auth";

    /// <summary>The PSC-enabled application with two accounts linked to people holding national identifiers.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public ProSanteConnectFactory Factory { get; } = new();
        public string DoctorNationalId { get; } = NationalId.FromRpps(Rpps.Create(3_000_000_001)).Value;
        public string LockedNationalId { get; } = NationalId.FromRpps(Rpps.Create(3_000_000_002)).Value;

        public async Task InitializeAsync()
        {
            await ((IAsyncLifetime)Factory).InitializeAsync();
            await using var db = Factory.Database.CreateContext();
            var build = new RegistryBuilder(db);
            var doctor = build.Person("Paul", "Medecin", DoctorNationalId, "Médecin");
            var locked = build.Person("Lucie", "Bloquee", LockedNationalId, "Médecin");
            await build.SaveAsync();
            await Factory.CreateUserAsync("medecin@example.test", doctor.Id, Roles.StructureManager);
            var lockedUser = await Factory.CreateUserAsync("bloquee@example.test", locked.Id, Roles.StructureManager);
            using var browser = Factory.CreateBrowserlessClient(handleCookies: true);
            for (var attempt = 1; attempt <= 5; attempt++)
                (await CpsWebApplicationFactory.PostLoginAsync(browser, lockedUser.Email!, "Mauvais-Mot-de-passe-" + attempt)).Dispose();
        }

        public Task DisposeAsync() => ((IAsyncLifetime)Factory).DisposeAsync();
    }

    [Fact]
    public async Task Psc_sign_in_redirects_to_the_authorize_endpoint_with_pkce_eidas1_and_psc_scopes()
    {
        using var client = app.Factory.CreateBrowserlessClient();
        using var response = await client.GetAsync("/account/login/psc?returnUrl=%2Fcartes");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(ProSanteConnectFactory.AuthorizationEndpoint, location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query).ToDictionary(q => q.Key, q => q.Value.ToString());
        Assert.Equal("code", query["response_type"]);
        Assert.Equal(ProSanteConnectFactory.ClientId, query["client_id"]);
        Assert.Equal("openid scope_all", query["scope"]);
        Assert.Equal("eidas1", query["acr_values"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", query["code_challenge"]);
        Assert.Equal("http://localhost/signin-psc", query["redirect_uri"]);
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
        Assert.DoesNotContain("client_secret", query.Keys);
    }

    [Fact]
    public async Task Sign_in_page_offers_psc_when_enabled()
    {
        using var client = app.Factory.CreateBrowserlessClient();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/connexion?ReturnUrl=%2Fcartes"));
        Assert.Contains("/account/login/psc?returnUrl=%2Fcartes", html);
        Assert.Contains("Pro Santé Connect", html);
    }

    [Theory]
    [InlineData(ProSanteConnect.NationalIdClaim)]
    [InlineData("preferred_username")]
    public async Task Known_national_identifier_signs_the_linked_account_in_and_follows_the_local_return_url(string claim)
    {
        using var client = await ReturnFromPscAsync(claim, app.DoctorNationalId);
        using var response = await client.GetAsync("/account/login/psc/callback?returnUrl=%2Fcartes");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/cartes", response.Headers.Location?.OriginalString);
        Assert.Contains(SetCookies(response), c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cartes")).StatusCode);
    }

    [Fact]
    public async Task External_return_url_after_psc_falls_back_to_the_dashboard()
    {
        using var client = await ReturnFromPscAsync(ProSanteConnect.NationalIdClaim, app.DoctorNationalId);
        using var response = await client.GetAsync("/account/login/psc/callback?returnUrl=https%3A%2F%2Fpirate.example%2F");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Unknown_national_identifier_is_refused_and_creates_no_account()
    {
        var stranger = NationalId.FromRpps(Rpps.Create(3_000_000_099)).Value;
        using var client = await ReturnFromPscAsync(ProSanteConnect.NationalIdClaim, stranger);
        using var response = await client.GetAsync("/account/login/psc/callback?returnUrl=%2Fcartes");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/acces-refuse?erreur=psc-inconnu", response.Headers.Location?.OriginalString);
        Assert.DoesNotContain(SetCookies(response), c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal));
        await using var db = app.Factory.Database.CreateContext();
        Assert.Equal(2, db.Users.Count());
    }

    [Fact]
    public async Task Locked_account_is_not_signed_in_through_psc()
    {
        using var client = await ReturnFromPscAsync(ProSanteConnect.NationalIdClaim, app.LockedNationalId);
        using var response = await client.GetAsync("/account/login/psc/callback?returnUrl=%2Fcartes");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/connexion?erreur=verrouille", response.Headers.Location?.OriginalString);
        Assert.DoesNotContain(SetCookies(response), c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Callback_without_a_psc_sign_in_goes_back_to_the_sign_in_page()
    {
        using var client = app.Factory.CreateBrowserlessClient(handleCookies: true);
        using var response = await client.GetAsync("/account/login/psc/callback?returnUrl=%2Fcartes");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/connexion?erreur=psc", response.Headers.Location?.OriginalString);
    }

    /// <summary>A client holding the external cookie PSC's sign-in would leave, carrying one claim.</summary>
    private async Task<HttpClient> ReturnFromPscAsync(string claim, string value)
    {
        var client = app.Factory.CreateBrowserlessClient(handleCookies: true);
        using var response = await client.GetAsync($"{ProSanteConnectFactory.ExternalSignInPath}?claim={claim}&value={value}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
