using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CpsSupport.Web.Tests.EndToEnd;

/// <summary>The structure grid and page: search by identifier or city, sorting, and the portal user's own structures.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class StructureTests(AppServerFixture app)
{
    [Fact]
    public async Task Agent_searches_structures_by_finess_and_city_sorts_and_opens_one()
    {
        await using var session = await app.NewSessionAsync(TestAccount.Agent);
        await session.GotoAsync("/structures");
        var page = session.Page;
        var grid = new DataGrid(page, "structures-grid");
        await Expect(grid.Rows).ToHaveCountAsync(2);

        await grid.SortByAsync("Nom");
        await grid.SortByAsync("Nom");
        await Expect(grid.Cell(0, "Nom")).ToHaveTextAsync(SeededRegistry.StructureBName);

        await page.GetByTestId("structure-search").FillAsync("690 000 047");
        await Expect(grid.Rows).ToHaveCountAsync(1);
        await Expect(grid.Cell(0, "Nom")).ToHaveTextAsync(SeededRegistry.StructureBName);
        await Expect(grid.Cell(0, "Cartes")).ToHaveTextAsync(app.Registry.CardsOfB.ToString());

        await page.GetByTestId("structure-search").FillAsync("valence");
        await Expect(grid.Cell(0, "Nom")).ToHaveTextAsync(SeededRegistry.StructureAName);
        await Expect(grid.Rows).ToHaveCountAsync(1);
        await grid.Cell(0, "Nom").GetByRole(AriaRole.Link).ClickAsync();

        await page.WaitForURLAsync($"**/structures/{app.Registry.StructureA}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(SeededRegistry.StructureAName);
        await Expect(page.GetByTestId("mandates")).ToContainTextAsync("Marc PETIT");
        await Expect(new DataGrid(page, "cards-grid").Rows).ToHaveCountAsync(app.Registry.CardsOfA);
        await session.ScreenshotAsync("structure-detail");
        await session.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Mandatary_sees_only_their_structure_and_not_found_for_another()
    {
        await using var session = await app.NewSessionAsync(TestAccount.Mandatary);
        await session.GotoAsync("/structures");
        var page = session.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes structures", Level = 1 })).ToBeVisibleAsync();
        var grid = new DataGrid(page, "structures-grid");
        await Expect(grid.Rows).ToHaveCountAsync(1);
        await Expect(grid.Cell(0, "Nom")).ToHaveTextAsync(SeededRegistry.StructureAName);
        await session.ScreenshotAsync("structures-mandatary");

        await session.GotoAsync($"/structures/{app.Registry.StructureB}");
        await Expect(page.GetByTestId("not-found")).ToContainTextAsync("Structure introuvable");
        await Expect(page.Locator("body")).Not.ToContainTextAsync(SeededRegistry.StructureBName);
        await session.AssertNoErrorsAsync();
    }
}
