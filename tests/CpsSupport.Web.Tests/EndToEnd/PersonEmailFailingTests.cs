using CpsSupport.Features.Mail;
using CpsSupport.Tests.Features.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CpsSupport.Web.Tests.EndToEnd;

/// <summary>
/// Mail to a person's address came back: the delivery status notification goes through the application's own mail
/// ingestion (as a fetch of the support mailbox would hand it over), which marks the address failing, and the person page
/// shows it with its date; a person whose mail never came back shows nothing. The people are the test's own.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PersonEmailFailingTests(AppServerFixture app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task Agent_sees_since_when_a_bounced_address_is_failing_and_no_chip_on_a_person_whose_mail_was_delivered()
    {
        await using var data = new OwnTestData(app);
        var bounced = await data.PersonAsync("Luc", "Retour", "Médecin");
        var delivered = await data.PersonAsync("Anne", "Remise", "Infirmière");
        var raw = MailWorld.Bytes(MailWorld.Bounce(bounced.Email!, originalMessageId: $"e2e-{Guid.NewGuid():N}@cpssupport.test"));

        MailBatchResult result;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<MailIngestionService>()
                .IngestAsync([new RawMail("bounce.eml", raw, raw.LongLength)], CancellationToken.None);
        }
        var failing = await data.WithDbAsync(db => db.People.Where(p => p.Id == bounced.Id || p.Id == delivered.Id)
            .ToDictionaryAsync(p => p.Id, p => p.EmailFailingAt));
        Assert.Equal((1, 0), (result.Total, result.Quarantined));
        var failingAt = Assert.IsType<DateTimeOffset>(failing[bounced.Id]);
        Assert.Null(failing[delivered.Id]);

        await using var agent = await app.NewSessionAsync(TestAccount.Agent);
        var page = agent.Page;
        await agent.GotoAsync($"/personnes/{bounced.Id}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Luc RETOUR");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = bounced.Email })).ToBeVisibleAsync();
        var since = TimeZoneInfo.ConvertTime(failingAt, Paris).ToString("dd/MM/yyyy 'à' HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var chip = page.GetByTestId("email-failing");
        await Expect(chip).ToHaveTextAsync($"Adresse en échec depuis le {since} (retour de courrier)");
        // Readable where it stands: inside the contact details panel, not running out of it (and off a laptop screen).
        var panel = await page.Locator(".cps-panel", new() { Has = page.GetByTestId("email-failing") }).BoundingBoxAsync();
        var box = await chip.BoundingBoxAsync();
        Assert.True(box!.X + box.Width <= panel!.X + panel.Width, $"chip ends at {box.X + box.Width} px, past its panel's right edge at {panel.X + panel.Width} px");
        await agent.ScreenshotAsync("person-email-failing");

        await agent.GotoAsync($"/personnes/{delivered.Id}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Anne REMISE");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = delivered.Email })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("email-failing")).ToHaveCountAsync(0);
        await agent.AssertNoErrorsAsync();
    }
}
