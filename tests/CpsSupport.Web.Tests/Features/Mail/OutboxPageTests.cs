using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using CpsSupport.Features.Accounts;
using CpsSupport.Features.Mail;
using CpsSupport.Tests.TestUtilities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CpsSupport.Web.Tests.Features.Mail;

/// <summary>
/// The supervisors' outbox page on the real application and database (prerendered): supervisors see the failed mail with
/// its error and the retry action, agents are refused. Users are signed in by a test scheme from the <c>X-Test-User</c> header.
/// </summary>
public sealed class OutboxPageTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private WebApplicationFactory<Program> _app = null!;
    private readonly List<string> _errors = [];

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync();
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Cps", _database.ConnectionString);
            web.UseSetting("Jobs:Enabled", "false");
            web.UseSetting("Demo:Seed", "false");
            web.UseSetting("Documents:TemplatesRoot", Path.Combine(RepositoryRoot.Path, "templates"));
            web.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddProvider(new ErrorCollector(_errors)));
            web.ConfigureTestServices(services => services
                .AddAuthentication(o =>
                {
                    o.DefaultScheme = HeaderUser.SchemeName;
                    o.DefaultAuthenticateScheme = HeaderUser.SchemeName;
                    o.DefaultChallengeScheme = HeaderUser.SchemeName;
                })
                .AddScheme<AuthenticationSchemeOptions, HeaderUser>(HeaderUser.SchemeName, _ => { }));
        });
        _ = _app.Server;

        await using var db = _database.CreateContext();
        var now = DateTimeOffset.UtcNow;
        db.OutgoingMails.Add(new OutgoingMail
        {
            Kind = OutgoingMailKind.Reply, Status = OutgoingMailStatus.Failed, ToAddress = "helene.durand@example.test",
            Subject = "[CPS-2026-000042] Carte bloquée", TextBody = "Bonjour.", MessageId = $"{Guid.NewGuid():N}@cpssupport.test",
            Attempts = 5, NextAttemptAt = now, LastAttemptAt = now, CreatedAt = now.AddHours(-2), LastError = "SocketException: Connection refused",
        });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_supervisor_sees_the_failed_mail_with_its_error_and_the_retry_action()
    {
        var response = await As(Roles.Supervisor).GetAsync("/administration/courriel/envoi");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.True(response.IsSuccessStatusCode, string.Join("\n", _errors));
        Assert.Contains("Courriels envoyés", page);
        Assert.Contains("En échec (1)", page);
        Assert.Contains("[CPS-2026-000042] Carte bloquée", page);
        Assert.Contains("SocketException: Connection refused", page);
        Assert.Contains("Réessayer", page);
    }

    [Fact]
    public async Task The_administration_page_links_to_it_and_agents_are_refused()
    {
        var administration = WebUtility.HtmlDecode(await As(Roles.Supervisor).GetStringAsync("/administration"));
        var agent = await As(Roles.Agent).GetAsync("/administration/courriel/envoi");

        Assert.Contains("href=\"/administration/courriel/envoi\"", administration);
        Assert.Equal(HttpStatusCode.Forbidden, agent.StatusCode);
    }

    private HttpClient As(string role)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(HeaderUser.Header, $"{Guid.NewGuid()};{role}");
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
