using CpsSupport.Features.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CpsSupport.Web.Tests.EndToEnd;

/// <summary>The card grid (server-side search, paging, sorting, filters) and the card page, within each user's scope.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class CardTests(AppServerFixture app)
{
    [Fact]
    public async Task Agent_finds_a_card_by_serial_and_sees_its_holder_status_and_history()
    {
        await using var session = await app.NewSessionAsync(TestAccount.Agent);
        await session.GotoAsync("/cartes");
        var page = session.Page;
        var grid = new DataGrid(page, "cards-grid");
        await Expect(grid.PagerInfo).ToHaveTextAsync($"1–25 sur {app.Registry.TotalCards}");
        await session.ScreenshotAsync("cards-agent");

        await page.GetByTestId("card-search").FillAsync(SeededRegistry.ActiveSerialA);

        await Expect(grid.Rows).ToHaveCountAsync(1);
        await Expect(grid.PagerInfo).ToHaveTextAsync("1–1 sur 1");
        await Expect(grid.Cell(0, "Titulaire")).ToContainTextAsync(SeededRegistry.HolderA);
        await grid.Cell(0, "N° de série").GetByRole(AriaRole.Link).ClickAsync();

        await page.WaitForURLAsync($"**/cartes/{app.Registry.ActiveCardA}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Carte CPS n° {SeededRegistry.ActiveSerialA}");
        await Expect(page.GetByTestId("holder-link")).ToHaveTextAsync(SeededRegistry.HolderA);
        await Expect(page.GetByTestId("structure-link")).ToHaveTextAsync(SeededRegistry.StructureAName);
        await Expect(page.GetByTestId("card-status").First).ToHaveTextAsync("Active");
        await Expect(page.GetByText("du 01/01/2025 au 01/01/2028")).ToBeVisibleAsync();
        var history = page.GetByTestId("card-history");
        await Expect(history.Locator(".mud-timeline-item")).ToHaveCountAsync(4);
        await Expect(history).ToContainTextAsync("Commandée");
        await Expect(history).ToContainTextAsync("02/12/2024 à 10:00 — Registre ANS");
        await Expect(history).ToContainTextAsync("Codes envoyés");
        await session.ScreenshotAsync("card-detail");

        await page.GetByTestId("holder-link").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(SeededRegistry.HolderA);
        await Expect(page.GetByText(SeededRegistry.HolderRppsA)).ToBeVisibleAsync();
        await Expect(new DataGrid(page, "cards-grid").Rows).ToHaveCountAsync(1);
        await session.ScreenshotAsync("person-detail");
        await session.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Card_grid_pages_sorts_and_filters_on_the_server()
    {
        await using var session = await app.NewSessionAsync(TestAccount.Supervisor);
        await session.GotoAsync("/cartes");
        var page = session.Page;
        var grid = new DataGrid(page, "cards-grid");
        var total = app.Registry.TotalCards;

        // Serials of the data set run from 2500000101 to 2500000328, 34 cards in all.
        await Expect(grid.Rows).ToHaveCountAsync(25);
        await grid.SortByAsync("N° de série");
        await Expect(grid.Cell(0, "N° de série")).ToHaveTextAsync("2500000101");
        await grid.SortByAsync("N° de série");
        await Expect(grid.Cell(0, "N° de série")).ToHaveTextAsync("2500000328");

        await grid.NextPageAsync();
        await Expect(grid.PagerInfo).ToHaveTextAsync($"26–{total} sur {total}");
        await Expect(grid.Rows).ToHaveCountAsync(total - 25);
        await Expect(grid.Cell(0, "N° de série")).ToHaveTextAsync("2500000303");

        // New criteria go back to the first page.
        await page.GetByTestId("card-status-filter").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Bloquée", Exact = true }).ClickAsync();
        await Expect(grid.PagerInfo).ToHaveTextAsync("1–5 sur 5");
        await Expect(grid.Rows.Locator("[data-testid='card-status']")).ToHaveTextAsync(Enumerable.Repeat("Bloquée", 5).ToArray());
        await Expect(grid.Cell(0, "N° de série")).ToHaveTextAsync("2500000328");

        // Criteria add up: none of the Fontaine cards is blocked.
        await page.GetByTestId("card-search").FillAsync("fontaine");
        await Expect(grid.Rows).ToHaveCountAsync(0);
        await Expect(grid.Root).ToContainTextAsync("Aucune carte ne correspond à ces critères.");
        await session.ScreenshotAsync("cards-no-match");

        // Clearing the search or the filter reloads with what is left.
        await ClearButton(page, "card-search").ClickAsync();
        await Expect(grid.PagerInfo).ToHaveTextAsync("1–5 sur 5");
        await ClearButton(page, "card-status-filter").ClickAsync();
        await Expect(grid.PagerInfo).ToHaveTextAsync($"1–25 sur {total}");

        // Statuses sort in lifecycle order (ordered first), not by their English names.
        await grid.SortByAsync("Statut");
        await Expect(grid.Cell(0, "Statut")).ToHaveTextAsync("Commandée");
        await grid.SortByAsync("Statut");
        await Expect(grid.Cell(0, "Statut")).ToHaveTextAsync("En opposition");

        await grid.SetPageSizeAsync(50);
        await Expect(grid.PagerInfo).ToHaveTextAsync($"1–{total} sur {total}");
        await Expect(grid.Rows).ToHaveCountAsync(total);
        await session.AssertNoErrorsAsync();
    }

    private static ILocator ClearButton(IPage page, string testId) =>
        page.Locator($".mud-input-control:has([data-testid='{testId}'])").GetByRole(AriaRole.Button, new() { Name = "Effacer" });

    public static TheoryData<string> PortalRoles => new(Roles.StructureManager, Roles.Mandatary);

    [Theory, MemberData(nameof(PortalRoles))]
    public async Task Portal_user_of_A_sees_only_cards_of_A_and_gets_not_found_for_a_card_of_B(string role)
    {
        await using var session = await app.NewSessionAsync(TestAccount.ByRole(role));
        await session.GotoAsync("/cartes");
        var page = session.Page;
        var grid = new DataGrid(page, "cards-grid");
        await Expect(page.GetByText("Les cartes de vos structures")).ToBeVisibleAsync();
        await Expect(grid.PagerInfo).ToHaveTextAsync($"1–{app.Registry.CardsOfA} sur {app.Registry.CardsOfA}");
        await Expect(grid.Root).Not.ToContainTextAsync(SeededRegistry.StructureBName);

        await page.GetByTestId("card-search").FillAsync(SeededRegistry.SerialB);
        await Expect(grid.Root).ToContainTextAsync("Aucune carte ne correspond à ces critères.");

        await session.GotoAsync($"/cartes/{app.Registry.CardB}");
        await Expect(page.GetByTestId("not-found")).ToContainTextAsync("Carte introuvable");
        await Expect(page.GetByTestId("not-found")).ToContainTextAsync("ne fait pas partie des structures auxquelles vous avez accès");
        await Expect(page.Locator("body")).Not.ToContainTextAsync(SeededRegistry.SerialB);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("MOREAU");
        await session.ScreenshotAsync($"card-of-b-{role.ToLowerInvariant()}");
        await session.AssertNoErrorsAsync();
    }
}
