using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CpsSupport.Web.Tests.EndToEnd;

/// <summary>The request screens: the list, the F501 form's live rule check, the portal forms on the structure page. Nothing is filed: the seeded registry stays as the other browser tests count it.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class RequestTests(AppServerFixture app)
{
    [Fact]
    public async Task Agent_sees_the_f501_rules_change_as_the_declaration_is_typed()
    {
        await using var session = await app.NewSessionAsync(TestAccount.Agent);
        await session.GotoAsync("/demandes");
        var page = session.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Incidents et demandes");
        await Expect(page.GetByTestId("requests-grid")).ToBeVisibleAsync();

        await session.GotoAsync($"/demandes/nouvelle/f501?carte={app.Registry.ActiveCardA}");
        await Expect(page.GetByTestId("f501-card")).ToContainTextAsync(SeededRegistry.ActiveSerialA);
        // A loss by phone without the unblock code is refused; the holder who has it may declare by phone.
        await Expect(page.GetByTestId("f501-verdict")).ToContainTextAsync("refusée");
        await Expect(page.GetByTestId("f501-declare")).ToBeDisabledAsync();
        await page.GetByText("Le porteur dispose de son code de déblocage").ClickAsync();
        await Expect(page.GetByTestId("f501-verdict")).Not.ToContainTextAsync("refusée");
        await session.ScreenshotAsync("f501-check");
        await session.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Mandatary_finds_the_f502_and_f504_forms_on_their_structure()
    {
        await using var session = await app.NewSessionAsync(TestAccount.Mandatary);
        await session.GotoAsync($"/structures/{app.Registry.StructureA}");
        var page = session.Page;
        await Expect(page.GetByTestId("structure-forms")).ToContainTextAsync("Mandataires (F502)");
        await Expect(page.GetByTestId("structure-forms")).ToContainTextAsync("Adresse de livraison (F504)");
        await session.AssertNoErrorsAsync();
    }
}
