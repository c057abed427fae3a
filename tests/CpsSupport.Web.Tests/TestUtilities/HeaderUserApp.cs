using System.Security.Claims;
using System.Text.Encodings.Web;
using CpsSupport.Tests.TestUtilities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CpsSupport.Web.Tests.TestUtilities;

/// <summary>
/// The application in memory (no jobs, no demo data) on a test database, where each HTTP client names its user and
/// role in a header: for page tests that check what a role sees without a browser or a sign-in round trip.
/// The application's errors are collected to be shown when a page fails.
/// </summary>
public static class HeaderUserApp
{
    public static WebApplicationFactory<Program> Create(string connectionString, List<string> errors) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Cps", connectionString);
            web.UseSetting("Jobs:Enabled", "false");
            web.UseSetting("Demo:Seed", "false");
            web.UseSetting("Documents:TemplatesRoot", Path.Combine(RepositoryRoot.Path, "templates"));
            web.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddProvider(new ErrorCollector(errors)));
            web.ConfigureTestServices(services => services
                .AddAuthentication(o =>
                {
                    o.DefaultScheme = HeaderUser.SchemeName;
                    o.DefaultAuthenticateScheme = HeaderUser.SchemeName;
                    o.DefaultChallengeScheme = HeaderUser.SchemeName;
                })
                .AddScheme<AuthenticationSchemeOptions, HeaderUser>(HeaderUser.SchemeName, _ => { }));
        });

    /// <summary>A client signed in as <paramref name="userId"/> with <paramref name="role"/>; no redirects followed.</summary>
    public static HttpClient ClientFor(this WebApplicationFactory<Program> app, Guid userId, string role)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(HeaderUser.Header, $"{userId};{role}");
        return client;
    }

    /// <summary>Signs in the user named by the <c>X-Test-User</c> header (<c>id;role</c>).</summary>
    private sealed class HeaderUser(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Test";
        public const string Header = "X-Test-User";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(Header, out var value)) return Task.FromResult(AuthenticateResult.NoResult());
            var parts = value.ToString().Split(';');
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, parts[0]), new Claim(ClaimTypes.Name, "Test"), new Claim(ClaimTypes.Role, parts[1])], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }

    /// <summary>Keeps the application's errors, to show them when a page fails.</summary>
    private sealed class ErrorCollector(List<string> errors) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            lock (errors) errors.Add($"{formatter(state, exception)} {exception}");
        }

        public void Dispose() { }
    }
}
