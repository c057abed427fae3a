using System.Net;
using CpsSupport.Features.Accounts;
using CpsSupport.Features.Mail;
using CpsSupport.Tests.TestUtilities;
using CpsSupport.Web.Tests.TestUtilities;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
        _app = HeaderUserApp.Create(_database.ConnectionString, _errors);
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

    private HttpClient As(string role) => _app.ClientFor(Guid.NewGuid(), role);
}
