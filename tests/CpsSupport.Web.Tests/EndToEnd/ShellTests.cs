using CpsSupport.Features.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CpsSupport.Web.Tests.EndToEnd;

/// <summary>The French shell after signing in: app bar, menu entries by role, dashboard counts from the database.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ShellTests(AppServerFixture app)
{
    /// <summary>
    /// Role matrix of the menu: desk staff get the back office (tickets, knowledge base), supervisors also the
    /// administration; portal users get their own structures' requests, orders and cards, nothing of the desk.
    /// </summary>
    private static readonly Dictionary<string, string[]> ExpectedMenu = new()
    {
        [Roles.Agent] = ["Tableau de bord", "Tickets", "Incidents et demandes", "Commandes", "Cartes", "Structures", "Base de connaissances", "Diagnostic carte"],
        [Roles.Supervisor] = ["Tableau de bord", "Tickets", "Incidents et demandes", "Commandes", "Cartes", "Structures", "Base de connaissances", "Diagnostic carte", "Administration"],
        [Roles.StructureManager] = ["Tableau de bord", "Incidents et demandes", "Commandes", "Cartes", "Mon portail", "Mes structures"],
        [Roles.Mandatary] = ["Tableau de bord", "Incidents et demandes", "Commandes", "Cartes", "Mon portail", "Mes structures"],
    };

    public static TheoryData<string> AllRoles => new(Roles.All);

    [Theory, MemberData(nameof(AllRoles))]
    public async Task Signed_in_user_sees_french_shell_with_menu_of_role_and_dashboard_counts(string role)
    {
        var account = TestAccount.ByRole(role);
        await using var session = await app.NewSessionAsync();
        await session.SignInAsync(account);
        var page = session.Page;

        await Expect(page).ToHaveTitleAsync("Tableau de bord — CpsSupport");
        await Expect(page.GetByTestId("user-name")).ToHaveTextAsync(account.DisplayName);
        await Expect(page.GetByTestId("user-role")).ToHaveTextAsync(Roles.DisplayName(role));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToBeVisibleAsync();
        await Expect(page.Locator(".cps-nav .mud-nav-link-text")).ToHaveTextAsync(ExpectedMenu[role]);

        // Desk staff count the whole registry; a portal user of A only A and its cards.
        var registry = app.Registry;
        await Expect(page.GetByTestId("kpi-cards-value")).ToHaveTextAsync((account.IsDesk ? registry.TotalCards : registry.CardsOfA).ToString());
        await Expect(page.GetByTestId("kpi-structures-value")).ToHaveTextAsync(account.IsDesk ? "2" : "1");
        await Expect(page.GetByText(account.IsDesk ? "Vue d’ensemble de toutes les structures" : "Vue d’ensemble de votre structure")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("cards-by-status")).ToContainTextAsync("En opposition");
        // Tickets are the desk's queue; portal users follow their requests instead.
        await Expect(page.GetByTestId(account.IsDesk ? "kpi-tickets" : "kpi-requests")).ToBeVisibleAsync();
        await Expect(page.GetByTestId(account.IsDesk ? "kpi-requests" : "kpi-tickets")).ToHaveCountAsync(0);
        // The desk's queue views, each a link to its view; portal users have none.
        if (account.IsDesk)
        {
            await Expect(page.GetByTestId("kpi-my-tickets").GetByRole(AriaRole.Link, new() { Name = "Mes tickets" })).ToHaveAttributeAsync("href", "/tickets?vue=Mine");
            await Expect(page.GetByTestId("kpi-overdue-tickets").GetByRole(AriaRole.Link, new() { Name = "En retard" })).ToHaveAttributeAsync("href", "/tickets?vue=Overdue");
        }
        else
        {
            await Expect(page.GetByTestId("kpi-my-tickets")).ToHaveCountAsync(0);
        }

        await session.ScreenshotAsync($"dashboard-{role.ToLowerInvariant()}");
        await session.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Portal_user_opening_a_desk_page_gets_french_access_denied()
    {
        await using var session = await app.NewSessionAsync(TestAccount.StructureManager);
        await session.GotoAsync("/tickets");

        await Expect(session.Page.GetByTestId("access-denied")).ToContainTextAsync("Votre rôle ne vous permet pas d’ouvrir cette page.");
        await Expect(session.Page.GetByTestId("placeholder")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("access-denied");
        await session.AssertNoErrorsAsync();
    }

    /// <summary>Pages whose heading says more than their short menu label.</summary>
    private static readonly Dictionary<string, string> PageHeadings = new() { ["Commandes"] = "Commandes de cartes" };

    public static TheoryData<string> MenuRoles => new(Roles.Supervisor, Roles.StructureManager);

    /// <summary>Every entry of the menu opens its page inside the circuit: no "Page introuvable", no "Accès refusé".</summary>
    [Theory, MemberData(nameof(MenuRoles))]
    public async Task Every_menu_entry_opens_its_page(string role)
    {
        await using var session = await app.NewSessionAsync(TestAccount.ByRole(role));
        await session.GotoAsync("/");
        var page = session.Page;
        var menu = page.Locator(".cps-nav");

        foreach (var entry in ExpectedMenu[role])
        {
            await menu.GetByRole(AriaRole.Link, new() { Name = entry, Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(PageHeadings.GetValueOrDefault(entry, entry));
            await Expect(page.GetByTestId("access-denied")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("not-found")).ToHaveCountAsync(0);
        }
        var last = ExpectedMenu[role][^1];
        await Expect(page).ToHaveTitleAsync($"{PageHeadings.GetValueOrDefault(last, last)} — CpsSupport");
        await session.ScreenshotAsync($"menu-last-{role.ToLowerInvariant()}");
        await session.AssertNoErrorsAsync();
    }
}
