using System.Net;
using CpsSupport.Features.Accounts;
using CpsSupport.Web.Tests.TestUtilities;
using Microsoft.AspNetCore.WebUtilities;

namespace CpsSupport.Web.Tests.Security;

/// <summary>The sign-in form of /connexion posted to /account/login: redirects, lockout, antiforgery, sign-out.</summary>
[Collection(RegistryCollection.Name)]
public sealed class CookieSignInTests(RegistryScenario app)
{
    private const string AuthCookie = "CpsSupport.Auth";

    [Fact]
    public async Task Sign_in_page_is_anonymous_and_carries_the_form_and_antiforgery_token()
    {
        using var client = app.CreateBrowserlessClient(handleCookies: true);
        using var response = await client.GetAsync("/connexion?ReturnUrl=%2Fcartes");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("action=\"/account/login\"", html);
        Assert.Contains("name=\"__RequestVerificationToken\"", html);
        Assert.Contains("name=\"ReturnUrl\" value=\"/cartes\"", html);
    }

    [Fact]
    public async Task Anonymous_page_request_is_redirected_to_the_sign_in_page()
    {
        using var client = app.CreateBrowserlessClient();
        using var response = await client.GetAsync("/cartes");
        AssertRedirectsToLogin(response, "/cartes");
    }

    [Fact]
    public async Task Signed_in_user_lacking_the_role_is_sent_to_the_access_denied_page()
    {
        using var client = await app.SignInAsync(RegistryScenario.ManagerEmail);
        using var response = await client.GetAsync("/base-de-connaissances");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/acces-refuse", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);

        using var page = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Accès refusé", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Right_password_redirects_to_the_local_return_url_with_the_auth_cookie()
    {
        var user = await app.CreateThrowawayUserAsync(Roles.Agent);
        using var client = app.CreateBrowserlessClient(handleCookies: true);
        using var response = await CpsWebApplicationFactory.PostLoginAsync(client, user.Email!, CpsWebApplicationFactory.Password, "/cartes?status=Active");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/cartes?status=Active", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal) && c.Contains("httponly"));

        using var page = await client.GetAsync("/cartes");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData("https://pirate.example/cps")]
    [InlineData("//pirate.example/cps")]
    [InlineData("/\\pirate.example/cps")]
    [InlineData("http:pirate.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public async Task Return_url_outside_the_site_falls_back_to_the_dashboard(string returnUrl)
    {
        using var client = app.CreateBrowserlessClient(handleCookies: true);
        using var response = await CpsWebApplicationFactory.PostLoginAsync(client, RegistryScenario.AgentEmail, CpsWebApplicationFactory.Password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(RegistryScenario.AgentEmail, "Mauvais-Mot-de-passe-1")]
    [InlineData("inconnu@example.test", CpsWebApplicationFactory.Password)]
    [InlineData(RegistryScenario.AgentEmail, "")]
    public async Task Wrong_credentials_go_back_to_the_sign_in_page_with_erreur_identifiants(string email, string password)
    {
        using var client = app.CreateBrowserlessClient(handleCookies: true);
        using var response = await CpsWebApplicationFactory.PostLoginAsync(client, email, password, "/cartes");
        var query = AssertRedirectsToLogin(response, "/cartes");
        Assert.Equal("identifiants", query["erreur"]);
        Assert.DoesNotContain(SetCookies(response), c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal));

        using var page = await client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password()
    {
        var user = await app.CreateThrowawayUserAsync(Roles.Agent);
        using var client = app.CreateBrowserlessClient(handleCookies: true);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failure = await CpsWebApplicationFactory.PostLoginAsync(client, user.Email!, "Mauvais-Mot-de-passe-" + attempt);
            Assert.Equal("identifiants", AssertRedirectsToLogin(failure, "/")["erreur"]);
        }
        using var fifth = await CpsWebApplicationFactory.PostLoginAsync(client, user.Email!, "Mauvais-Mot-de-passe-5");
        Assert.Equal("verrouille", AssertRedirectsToLogin(fifth, "/")["erreur"]);

        using var locked = await CpsWebApplicationFactory.PostLoginAsync(client, user.Email!, CpsWebApplicationFactory.Password);
        Assert.Equal("verrouille", AssertRedirectsToLogin(locked, "/")["erreur"]);
        Assert.DoesNotContain(SetCookies(locked), c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_without_antiforgery_token_is_refused_with_400()
    {
        var user = await app.CreateThrowawayUserAsync(Roles.Agent);
        using var client = app.CreateBrowserlessClient(handleCookies: true);
        await CpsWebApplicationFactory.GetAntiforgeryTokenAsync(client); // the cookie half alone is not enough
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = user.Email!,
            ["Password"] = CpsWebApplicationFactory.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(SetCookies(response), c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_out_clears_the_cookie_and_returns_to_the_sign_in_page()
    {
        using var client = await app.SignInAsync(RegistryScenario.AgentEmail);
        var token = await CpsWebApplicationFactory.GetAntiforgeryTokenAsync(client, "/cartes");
        using var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/connexion", response.Headers.Location?.OriginalString);

        using var page = await client.GetAsync("/cartes");
        AssertRedirectsToLogin(page, "/cartes");
    }

    [Fact]
    public async Task Sign_out_without_antiforgery_token_is_refused()
    {
        using var client = await app.SignInAsync(RegistryScenario.AgentEmail);
        using var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var page = await client.GetAsync("/cartes");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    /// <summary>Asserts a redirect to /connexion carrying the return URL, and returns its query.</summary>
    private static Dictionary<string, string> AssertRedirectsToLogin(HttpResponseMessage response, string returnUrl)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        var uri = location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location);
        Assert.Equal("localhost", uri.Host);
        Assert.Equal("/connexion", uri.AbsolutePath);
        var query = QueryHelpers.ParseQuery(uri.Query).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(returnUrl, query.GetValueOrDefault("ReturnUrl"));
        return query;
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
