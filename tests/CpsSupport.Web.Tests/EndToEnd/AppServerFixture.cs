using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Accounts;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.TestUtilities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CpsSupport.Web.Tests.EndToEnd;

/// <summary>
/// One running application and one headless Chromium for the whole end-to-end run: a fresh database seeded with
/// <see cref="SeededRegistry"/>, the four <see cref="TestAccount"/>s, the app on Kestrel, then the browser.
/// Each test opens its own browser context (own cookies) through <see cref="NewSessionAsync"/>.
/// </summary>
public sealed class AppServerFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium: Playwright's own browser download is not available here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";
    public static readonly string ScreenshotDirectory = Path.Combine(Path.GetTempPath(), "e2e-shots");

    private TestDatabase? _database;
    private KestrelAppFactory? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    // Tests of a collection run one at a time: no lock needed.
    private readonly Dictionary<TestAccount, string> _signedIn = [];
    private readonly Dictionary<TestAccount, Guid> _userIds = [];

    public Uri BaseAddress { get; private set; } = null!;
    public SeededRegistry Registry { get; private set; } = null!;

    /// <summary>The application's services, to arrange data a test needs (a ticket…).</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>Where the server expects the simulated reader's test authority (its trust anchor).</summary>
    public string SimulatorCaPath => _app!.SimulatorCaPath;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        // The browser starts while PostgreSQL and the app do: the two take about as long.
        var browser = LaunchBrowserAsync();
        _database = await TestPostgres.CreateDatabaseAsync();
        Registry = await SeededRegistry.CreateAsync(_database);

        _app = new KestrelAppFactory(_database.ConnectionString);
        _app.StartServer();
        BaseAddress = _app.ServerAddress;
        // Roles exist once the app has started (DatabaseInitializer); accounts are created through Identity.
        await CreateAccountsAsync(_app.Services);
        _browser = await browser;
        // A first search or page on a cold server, on a loaded 2-core CI machine, has taken over 10 s; a passing check never waits it out.
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    private async Task<IBrowser> LaunchBrowserAsync()
    {
        _playwright = await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            Headless = true,
            ExecutablePath = ChromiumPath,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>The user id of an account, as the app knows it (e.g. to assign a ticket).</summary>
    public Guid UserId(TestAccount account) => _userIds[account];

    /// <summary>
    /// Creates a ticket through <see cref="TicketService"/> as <paramref name="by"/> (a desk account), the way the intake
    /// page would: tests that start from an existing ticket skip the form (tested once by the intake test).
    /// </summary>
    public async Task<TicketCreated> CreateTicketAsync(TestAccount by, NewTicket ticket)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        var tickets = ActivatorUtilities.CreateInstance<TicketService>(scope.ServiceProvider, (ICurrentActor)new AccountActor(UserId(by), by.DisplayName));
        return await tickets.CreateAsync(new AccessScope(UserId(by), IsDesk: true, by.Role == Roles.Supervisor, new HashSet<Guid>()), ticket);
    }

    /// <summary>Reads the ticket as the desk sees it, to check what was saved (not what a page shows).</summary>
    public async Task<TicketDetail> GetTicketAsync(Guid id)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        var detail = await scope.ServiceProvider.GetRequiredService<TicketQueryService>()
            .GetAsync(new AccessScope(UserId(TestAccount.Supervisor), IsDesk: true, IsSupervisor: true, new HashSet<Guid>()), id);
        return detail ?? throw new InvalidOperationException($"No ticket {id}.");
    }

    private sealed record AccountActor(Guid? UserId, string Name) : ICurrentActor;

    /// <summary>A new, signed-out browser session in French, Paris time, on a laptop-sized window.</summary>
    public Task<BrowserSession> NewSessionAsync() => NewSessionAsync(storageState: null);

    /// <summary>
    /// A new session already signed in as <paramref name="account"/>, on no page yet. The first call per account signs
    /// in through the /connexion form; later ones reuse its cookies, which saves a form round trip per test
    /// (the sign-in itself is tested by <see cref="ShellTests"/> and <see cref="SignInTests"/>).
    /// </summary>
    public async Task<BrowserSession> NewSessionAsync(TestAccount account)
    {
        if (_signedIn.TryGetValue(account, out var state)) return await NewSessionAsync(state);
        var session = await NewSessionAsync(storageState: null);
        await session.SignInAsync(account);
        _signedIn[account] = await session.Page.Context.StorageStateAsync();
        return session;
    }

    private async Task<BrowserSession> NewSessionAsync(string? storageState)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            ViewportSize = new ViewportSize { Width = 1366, Height = 860 },
            StorageState = storageState,
        });
        context.SetDefaultTimeout(10_000);
        // Generous for a loaded 2-core CI machine running two browser collections at once; a passing step never waits it out.
        context.SetDefaultNavigationTimeout(30_000);
        return await BrowserSession.OpenAsync(context);
    }

    private async Task CreateAccountsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var account in TestAccount.All)
        {
            var user = new AppUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                PersonId = account.Role switch
                {
                    Roles.StructureManager => Registry.ManagerPersonA,
                    Roles.Mandatary => Registry.MandataryPersonA,
                    _ => null,
                },
            };
            Check(await users.CreateAsync(user, TestAccount.Password), account);
            Check(await users.AddToRoleAsync(user, account.Role), account);
            _userIds[account] = user.Id;
        }
    }

    private static void Check(IdentityResult result, TestAccount account)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Account {account.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}
