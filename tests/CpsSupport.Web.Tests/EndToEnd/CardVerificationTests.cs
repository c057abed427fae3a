using CpsSupport.Features.Access;
using CpsSupport.Features.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CpsSupport.Web.Tests.EndToEnd;

/// <summary>
/// The agent's page reaches the real card-reading module on loopback (simulated reader), hands the reading to the
/// server, shows the verdict; on a ticket, the timeline records it.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CardVerificationTests(AppServerFixture app)
{
    [Fact]
    public async Task Diagnostic_page_reads_a_simulated_card_through_the_module_and_shows_the_verdict()
    {
        await using var module = await CardReaderModuleProcess.StartAsync(app.BaseAddress, app.SimulatorCaPath);
        await module.InsertAsync("valide");
        await using var session = await app.NewSessionAsync(TestAccount.Agent);
        await session.GotoAsync("/diagnostic-carte");
        var page = session.Page;

        await Expect(page.GetByTestId("reader-status")).ToContainTextAsync("Lecteur non appairé");
        await page.GetByTestId("verify-card").ClickAsync();
        await Expect(page.GetByTestId("card-verification-error")).ToContainTextAsync("pas encore appairé");

        await PairAsync(page, module);
        await Expect(page.GetByTestId("simulated-badge")).ToHaveTextAsync("LECTEUR SIMULÉ");
        await Expect(page.GetByTestId("reader-status")).ToContainTextAsync("9000000001");
        await page.GetByTestId("verify-card").ClickAsync();

        await Expect(page.GetByTestId("card-read-serial")).ToHaveTextAsync("9000000001");
        await Expect(page.GetByTestId("verdict")).ToContainTextAsync("(lecture simulée)");
        await Expect(page.GetByTestId("verdict-reason").First).ToBeVisibleAsync();
        await session.ScreenshotAsync("card-diagnostic");
        await session.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Verifying_the_card_on_a_ticket_records_the_verdict_on_its_timeline()
    {
        await using var module = await CardReaderModuleProcess.StartAsync(app.BaseAddress, app.SimulatorCaPath);
        await module.InsertAsync("valide");
        var ticket = await CreateTicketAsync();
        await using var session = await app.NewSessionAsync(TestAccount.Agent);
        await session.GotoAsync($"/tickets/{ticket}");
        var page = session.Page;

        await page.GetByText("Vérifier la carte", new() { Exact = true }).First.ClickAsync();
        await PairAsync(page, module);
        await page.GetByTestId("verify-card").ClickAsync();

        var verdict = page.GetByTestId("verdict");
        await Expect(verdict).ToContainTextAsync("(lecture simulée)");
        var summary = await verdict.InnerTextAsync();
        await Expect(page.GetByTestId("timeline-entry").First).ToContainTextAsync(summary.Trim());
        await session.ScreenshotAsync("card-verification-ticket");
        await session.AssertNoErrorsAsync();
    }

    private static async Task PairAsync(IPage page, CardReaderModuleProcess module)
    {
        await page.GetByTestId("pair-reader").ClickAsync();
        await page.GetByTestId("pairing-url").FillAsync(module.Address.ToString().TrimEnd('/'));
        await page.GetByTestId("pairing-token").FillAsync(module.PairingToken);
        await page.GetByTestId("save-pairing").ClickAsync();
        await Expect(page.GetByTestId("reader-status")).Not.ToContainTextAsync("non appairé");
    }

    private async Task<Guid> CreateTicketAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var desk = new AccessScope(null, true, false, new HashSet<Guid>());
        var created = await tickets.CreateAsync(desk, new NewTicket("Carte refusée par le logiciel", TicketChannel.Phone, TicketCategory.Malfunction,
            RequesterName: "Appelant de test"));
        return created.Id;
    }
}
