using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CpsSupport.Features.Accounts;
using CpsSupport.Tests.TestUtilities;
using CpsSupport.Web.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CpsSupport.Web.Tests.TestUtilities;

/// <summary>
/// The real application on a fresh database of the test PostgreSQL server (one database per factory), environment
/// "Testing", no demo data, no Hangfire server (the dashboard still uses its storage in the test database), and an
/// <see cref="OffsetClock"/> as the application's <see cref="TimeProvider"/>.
/// </summary>
public class CpsWebApplicationFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Meets the password rules (12 characters, mixed case, a digit).</summary>
    public const string Password = "Correct-Cheval-2026";

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private TestDatabase? _database;

    public CpsWebApplicationFactory() : this(new Dictionary<string, string?>()) { }

    /// <param name="settings">Configuration on top of the test defaults, e.g. to enable Pro Santé Connect.</param>
    protected CpsWebApplicationFactory(IReadOnlyDictionary<string, string?> settings) => _settings = settings;

    /// <summary>The application's clock; tests that move it put it back.</summary>
    public OffsetClock Clock { get; } = new();

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The factory is not initialized.");

    public virtual async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync();
        _ = Server; // start now: the startup cost belongs to the fixture, not to the first test
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting, not ConfigureAppConfiguration: Program.cs reads these before builder.Build().
        builder.UseSetting("ConnectionStrings:Cps", Database.ConnectionString);
        builder.UseSetting("LocalDefaults:Enabled", "false");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            // Hashing cost is not under test: 100,000 PBKDF2 rounds per sign-in would dominate the run.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            ConfigureTestServices(services);
        });
    }

    /// <summary>Replacements of application services for a derived factory.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services) { }

    /// <summary>A client that neither follows redirects nor keeps cookies unless asked: tests look at each answer.</summary>
    public HttpClient CreateBrowserlessClient(bool handleCookies = false) =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = handleCookies });

    /// <summary>Creates an account with the given roles through Identity (so lockout is enabled as for real users).</summary>
    public async Task<AppUser> CreateUserAsync(string email, Guid? personId = null, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, DisplayName = email, PersonId = personId };
        Succeeded(await users.CreateAsync(user, Password));
        if (roles.Length > 0) Succeeded(await users.AddToRolesAsync(user, roles));
        return user;
    }

    /// <summary>A fresh account with a unique e-mail, for tests that change its state (lockout).</summary>
    public Task<AppUser> CreateThrowawayUserAsync(params string[] roles) =>
        CreateUserAsync($"jetable-{Guid.NewGuid():N}@example.test", null, roles);

    /// <summary>The hidden antiforgery field of the sign-in page; the client must keep cookies (the token pairs with one).</summary>
    public static async Task<string> GetAntiforgeryTokenAsync(HttpClient client, string page = "/connexion")
    {
        var html = await client.GetStringAsync(page);
        var match = Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"");
        if (!match.Success) throw new InvalidOperationException($"No antiforgery token in {page}.");
        return WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value);
    }

    /// <summary>Posts the sign-in form as the browser does, with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var token = await GetAntiforgeryTokenAsync(client);
        var fields = new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        };
        if (returnUrl is not null) fields["ReturnUrl"] = returnUrl;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
    }

    /// <summary>A client holding the authentication cookie of the account.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = Password)
    {
        var client = CreateBrowserlessClient(handleCookies: true);
        using var response = await PostLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.StartsWith("/connexion", StringComparison.Ordinal) != false)
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    /// <summary>A session token from POST /api/v1/auth/token.</summary>
    public async Task<string> GetTokenAsync(string email, string password = Password)
    {
        using var client = CreateBrowserlessClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new TokenRequest(email, password));
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Token of {email} refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!.Token;
    }

    /// <summary>A client sending <c>Authorization: Bearer</c> with the token.</summary>
    public HttpClient CreateBearerClient(string token)
    {
        var client = CreateBrowserlessClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
