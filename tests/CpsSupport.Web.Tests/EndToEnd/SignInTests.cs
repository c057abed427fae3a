using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CpsSupport.Web.Tests.EndToEnd;

/// <summary>The /connexion form, its French errors, the return to the page asked for, and signing out.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SignInTests(AppServerFixture app)
{
    [Fact]
    public async Task Wrong_password_shows_french_error_and_stays_signed_out()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await page.GotoAsync("/connexion");
        await session.ScreenshotAsync("signin");

        await page.GetByLabel("Adresse électronique").FillAsync(TestAccount.Agent.Email);
        await page.GetByLabel("Mot de passe").FillAsync("Pas-le-bon-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        await Expect(page.GetByTestId("signin-error")).ToHaveTextAsync("Adresse électronique ou mot de passe incorrect.");
        await Expect(page).ToHaveURLAsync(new Regex("/connexion\\?erreur=identifiants"));
        await session.ScreenshotAsync("signin-wrong-password");

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/connexion\\?ReturnUrl=%2F$"));
        await session.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in_then_back_to_the_page_asked_for()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;

        await page.GotoAsync("/cartes");
        await Expect(page).ToHaveURLAsync(new Regex("/connexion\\?ReturnUrl=%2Fcartes$"));
        await page.GetByLabel("Adresse électronique").FillAsync(TestAccount.Mandatary.Email);
        await page.GetByLabel("Mot de passe").FillAsync(TestAccount.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        await page.WaitForURLAsync("**/cartes");
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cartes", Level = 1 })).ToBeVisibleAsync();
        await session.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        await using var session = await app.NewSessionAsync();
        await session.SignInAsync(TestAccount.Agent);
        var page = session.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();

        await page.WaitForURLAsync("**/connexion");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion" })).ToBeVisibleAsync();
        await page.GotoAsync("/cartes");
        await Expect(page).ToHaveURLAsync(new Regex("/connexion\\?ReturnUrl=%2Fcartes$"));
        await session.AssertNoErrorsAsync();
    }
}
