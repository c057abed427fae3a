using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CpsSupport.Web.Tests.EndToEnd;

/// <summary>
/// The structure portal in Chromium, as the director of structure A: her structures, the fleet of A only, a filtered CSV
/// export, the departure dialog and its French refusal for an RPPS professional. Nothing is changed, so the other browser
/// tests' counts stay valid.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PortalTests(AppServerFixture app)
{
    [Fact]
    public async Task Director_sees_the_fleet_of_her_structure_only_and_exports_the_filtered_fleet_as_csv()
    {
        await using var session = await app.NewSessionAsync(TestAccount.StructureManager);
        var page = session.Page;
        await session.GotoAsync("/portail");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mon portail", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("portal-structure")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("portal-structure-name")).ToHaveTextAsync(SeededRegistry.StructureAName);
        await Expect(page.GetByTestId("portal-cards-value")).ToHaveTextAsync(app.Registry.CardsOfA.ToString());
        await Expect(page.Locator("body")).Not.ToContainTextAsync(SeededRegistry.StructureBName);
        await session.ScreenshotAsync("portal-landing");

        await page.GetByTestId("portal-open-fleet").ClickAsync();
        await page.WaitForURLAsync($"**/structures/{app.Registry.StructureA}/parc");
        var grid = new DataGrid(page, "fleet-grid");
        await Expect(grid.Rows).ToHaveCountAsync(app.Registry.CardsOfA);
        await Expect(grid.Root).ToContainTextAsync(SeededRegistry.ActiveSerialA);
        await Expect(grid.Root).Not.ToContainTextAsync(SeededRegistry.SerialB);

        await page.GetByTestId("fleet-search").FillAsync("Bernard");
        await Expect(grid.Rows).ToHaveCountAsync(1);
        await Expect(grid.Cell(0, "N° de série")).ToHaveTextAsync(SeededRegistry.ActiveSerialA);
        await session.ScreenshotAsync("portal-fleet");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("fleet-export").ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Titulaire;Identifiant national;", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.StartsWith($"{SeededRegistry.HolderA};{SeededRegistry.HolderRppsA};Infirmière;CPS;{SeededRegistry.ActiveSerialA};Active;", row);

        // Structure B, by its id, in the page and in the export: not found, and nothing of it shown.
        var csvOfB = await page.APIRequest.GetAsync($"/structures/{app.Registry.StructureB}/parc.csv");
        Assert.Equal(404, csvOfB.Status);
        await csvOfB.DisposeAsync();
        await session.GotoAsync($"/structures/{app.Registry.StructureB}/parc");
        await Expect(page.GetByTestId("not-found")).ToContainTextAsync("Structure introuvable");
        await Expect(page.Locator("body")).Not.ToContainTextAsync(SeededRegistry.StructureBName);
        await session.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Departure_asks_for_confirmation_in_french_and_an_rpps_professional_is_refused_with_the_reason()
    {
        await using var session = await app.NewSessionAsync(TestAccount.StructureManager);
        var page = session.Page;
        await session.GotoAsync($"/structures/{app.Registry.StructureA}/parc");
        var grid = new DataGrid(page, "fleet-grid");
        await page.GetByTestId("fleet-search").FillAsync(SeededRegistry.ActiveSerialA);
        await Expect(grid.Rows).ToHaveCountAsync(1);

        await grid.Rows.Nth(0).GetByTestId("fleet-departure").ClickAsync();
        await Expect(page.GetByTestId("departure-question")).ToContainTextAsync($"Confirmez-vous le départ de {SeededRegistry.HolderA} ?");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("sera mise en opposition");
        await page.GetByTestId("departure-cancel").ClickAsync();
        await Expect(page.GetByTestId("departure-question")).ToHaveCountAsync(0);

        await grid.Rows.Nth(0).GetByTestId("fleet-departure").ClickAsync();
        await page.GetByTestId("departure-confirm").ClickAsync();
        await Expect(page.GetByTestId("departure-error")).ToContainTextAsync("profession gérée par le RPPS");
        await Expect(grid.Cell(0, "Statut")).ToHaveTextAsync("Active");
        await session.ScreenshotAsync("portal-departure-refused");
        await session.AssertNoErrorsAsync();
    }
}
