using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CpsSupport.Web.Tests.EndToEnd;

/// <summary>
/// One browser context and page, with the steps every test needs: sign in through the form, wait for the Blazor
/// circuit, take a screenshot, and check that neither the browser console nor Blazor reported an error.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    private BrowserSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (_errors) _errors.Add($"console: {message.Text}");
        };
        page.PageError += (_, error) => { lock (_errors) _errors.Add($"page error: {error}"); };
    }

    public IPage Page { get; }

    public static async Task<BrowserSession> OpenAsync(IBrowserContext context) => new(context, await context.NewPageAsync());

    /// <summary>Signs in with the /connexion form and waits for the interactive dashboard (or the return page).</summary>
    public async Task SignInAsync(TestAccount account, string? returnUrl = null)
    {
        await Page.GotoAsync(returnUrl is null ? "/connexion" : $"/connexion?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        await Page.GetByLabel("Adresse électronique").FillAsync(account.Email);
        await Page.GetByLabel("Mot de passe").FillAsync(TestAccount.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        // Either the next page loads or the form comes back with its error, which then fails the test by its text
        // (rather than a bare navigation time-out).
        await Page.WaitForURLAsync(url => !IsSignInPage(url) || new Uri(url).Query.Contains("erreur=", StringComparison.Ordinal));
        if (IsSignInPage(Page.Url))
        {
            var error = await Page.GetByTestId("signin-error").TextContentAsync();
            Assert.Fail($"Sign-in as {account.Email} refused: {error}");
        }
        await WaitForInteractiveAsync();
    }

    private static bool IsSignInPage(string url) => new Uri(url).AbsolutePath.StartsWith("/connexion", StringComparison.Ordinal);

    /// <summary>Loads a page and waits until its Blazor circuit is up, so clicks reach the server.</summary>
    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitForInteractiveAsync();
    }

    /// <summary>The layout marks itself interactive once it renders inside the circuit (prerendering does not count).</summary>
    public Task WaitForInteractiveAsync() =>
        Expect(Page.Locator("[data-interactive='true']")).ToBeAttachedAsync(new() { Timeout = 30_000 });

    public async Task ScreenshotAsync(string name)
    {
        // A full-page shot of a scrolled page draws the fixed app bar in the middle of it.
        await Page.EvaluateAsync("window.scrollTo(0, 0)");
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(AppServerFixture.ScreenshotDirectory, name + ".png"),
            FullPage = true,
        });
    }

    /// <summary>The path and query of the current page, e.g. "/cartes/…".</summary>
    public string CurrentPath => new Uri(Page.Url).PathAndQuery;

    /// <summary>Fails when Blazor showed its error bar or the browser logged an error during the test.</summary>
    public Task AssertNoErrorsAsync() => AssertNoErrorsAsync(_ => false);

    /// <summary>The same, letting through the errors a test causes on purpose (e.g. the browser logging an HTTP 422 it asked for).</summary>
    public async Task AssertNoErrorsAsync(Func<string, bool> expected)
    {
        await Expect(Page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        lock (_errors) Assert.DoesNotContain(_errors, e => !expected(e));
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
