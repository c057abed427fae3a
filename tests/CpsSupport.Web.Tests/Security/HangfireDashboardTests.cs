using System.Net;
using CpsSupport.Web.Tests.TestUtilities;
using Npgsql;

namespace CpsSupport.Web.Tests.Security;

/// <summary>The Hangfire dashboard (retry, delete, trigger jobs) is for supervisors signed in with the cookie.</summary>
[Collection(RegistryCollection.Name)]
public sealed class HangfireDashboardTests(RegistryScenario app)
{
    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_sign_in_page()
    {
        using var client = app.CreateBrowserlessClient();
        using var response = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/connexion", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
        Assert.Contains("ReturnUrl=%2Fhangfire", location.OriginalString);
    }

    [Theory]
    [InlineData(RegistryScenario.AgentEmail)]
    [InlineData(RegistryScenario.ManagerEmail)]
    public async Task Signed_in_user_who_is_not_supervisor_gets_403(string email)
    {
        using var client = await app.SignInAsync(email);
        using var response = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var jobs = await client.GetAsync("/hangfire/recurring");
        Assert.Equal(HttpStatusCode.Forbidden, jobs.StatusCode);
    }

    [Fact]
    public async Task Supervisor_opens_the_dashboard_on_the_test_database_storage()
    {
        using var client = await app.SignInAsync(RegistryScenario.SupervisorEmail);
        using var response = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("CpsSupport – tâches planifiées", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));

        // The pages read the storage: the hangfire schema was created in the test database, not elsewhere.
        using var recurring = await client.GetAsync("/hangfire/recurring");
        Assert.Equal(HttpStatusCode.OK, recurring.StatusCode);
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'hangfire' AND table_name = 'job'", connection);
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Supervisor_bearer_token_does_not_open_the_dashboard()
    {
        using var client = app.ApiClientFor(RegistryScenario.SupervisorEmail);
        using var response = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
