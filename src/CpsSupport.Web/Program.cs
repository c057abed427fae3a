using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using CpsSupport;
using CpsSupport.Data;
using CpsSupport.Features.Accounts;
using CpsSupport.Features.Demo;
using CpsSupport.Features.Documents;
using CpsSupport.Features.Files;
using CpsSupport.Features.Mail;
using CpsSupport.Jobs;
using CpsSupport.Web.Api;
using CpsSupport.Web.Components;
using CpsSupport.Web.Features.Cards;
using CpsSupport.Web.Features.Documents;
using CpsSupport.Web.Features.StructurePortal;
using CpsSupport.Web.Features.Tickets;
using CpsSupport.Web.Jobs;
using CpsSupport.Web.Security;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.DataProtection;
using MudBlazor;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);
var configuration = builder.Configuration;

// No connection string in development: run a private PostgreSQL cluster under <repo>/.local (no Docker, no service).
var connectionString = configuration.GetConnectionString("Cps");
LocalPostgresCluster? localPostgres = null;
if (string.IsNullOrWhiteSpace(connectionString))
{
    if (!configuration.GetValue("LocalDefaults:Enabled", false))
        throw new InvalidOperationException("ConnectionStrings:Cps is not configured (set it, or LocalDefaults:Enabled=true to run a private PostgreSQL).");
    var directory = configuration["LocalDefaults:PostgresDirectory"] is { Length: > 0 } configured
        ? configured
        : Path.Combine(CheckoutPaths.FindRoot(builder.Environment.ContentRootPath) ?? builder.Environment.ContentRootPath, ".local", "postgres");
    var database = configuration["LocalDefaults:Database"] is { Length: > 0 } name ? name : "cpssupport";
    localPostgres = await LocalPostgresCluster.StartAsync(directory, configuration.GetValue("LocalDefaults:PostgresPort", 55432), CancellationToken.None);
    await localPostgres.EnsureDatabaseAsync(database, CancellationToken.None);
    connectionString = localPostgres.ConnectionString(database);
}

builder.Services.AddCpsSupport(connectionString);
builder.Services.Configure<CpsSupport.Features.CardVerification.CardVerificationOptions>(
    configuration.GetSection(CpsSupport.Features.CardVerification.CardVerificationOptions.Section));
builder.Services.AddCpsDocuments(configuration);
builder.Services.AddCpsMailDelivery(configuration);
builder.Services.AddCpsSecurity(configuration);
// Keys in the database: every instance decrypts the cookies and antiforgery tokens of the others.
builder.Services.AddDataProtection().SetApplicationName("CpsSupport").PersistKeysToDbContext<CpsDbContext>();

builder.Services.AddFrenchProblemDetails();
// Binding errors (bad enum, bad number) become 400 problems rather than exceptions, in every environment.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddOpenApi(o =>
{
    o.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
    o.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
    o.AddOperationTransformer<BearerSecurityRequirementTransformer>();
});
builder.Services.AddHealthChecks().AddDbContextCheck<CpsDbContext>("database");

builder.Services.AddHangfire((services, hangfire) => hangfire
    .UseLogProvider(new DisposalSafeLogProvider(new AspNetCoreLogProvider(services.GetRequiredService<ILoggerFactory>())))
    .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
    .UseSimpleAssemblyNameTypeSerializer()
    .UseRecommendedSerializerSettings()
    .UsePostgreSqlStorage(
        storage => storage.UseNpgsqlConnection(connectionString),
        new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true }));
var jobsEnabled = configuration.GetValue("Jobs:Enabled", true);
if (jobsEnabled) builder.Services.AddHangfireServer();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
// Bottom right: at the top right the messages covered the signed-in user's name and the sign-out button.
builder.Services.AddMudServices(mud => mud.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight);
builder.Services.AddTransient<MudLocalizer, FrenchMudLocalizer>();
builder.Services.AddScoped<CpsSupport.Web.Features.CardVerification.CardReaderModule>();
builder.Services.AddSingleton<TicketPresence>();

var app = builder.Build();

if (localPostgres is not null)
{
    app.Logger.LogInformation("Local PostgreSQL running in {Directory} on port {Port}", localPostgres.DataDirectory, localPostgres.Port);
    app.Lifetime.ApplicationStopped.Register(() => localPostgres.StopAsync().GetAwaiter().GetResult());
}

await using (var scope = app.Services.CreateAsyncScope())
{
    var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
    if (configuration.GetValue("Database:MigrateOnStartup", true)) await initializer.MigrateAsync();
    await initializer.EnsureRolesAsync();
    await initializer.EnsureReferenceDataAsync();
    await scope.ServiceProvider.GetRequiredService<CpsSupport.Features.KnowledgeBase.KnowledgeBaseSeeder>().SeedAsync();
    if (configuration.GetValue("Demo:Seed", false)) await SeedDemoAsync(scope.ServiceProvider, app.Logger);
}
if (jobsEnabled) RecurringJobs.Register(app.Services.GetRequiredService<IRecurringJobManager>(), configuration.GetValue("Mail:Imap:PollSeconds", 30));

app.UseExceptionHandler();
// One language: the desk and the portal work in French, whatever the browser asks for (dates, numbers, MudBlazor texts).
app.UseRequestLocalization(o => o.SetDefaultCulture("fr-FR").AddSupportedCultures("fr-FR").AddSupportedUICultures("fr-FR"));
// Empty error responses of the API (unknown route, wrong method) get a problem body; the Blazor pages keep theirs.
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealthChecks("/health").AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapAccountEndpoints();
app.MapCpsApi();
app.MapAttachmentEndpoints();
app.MapDocumentEndpoints();
app.MapRevocationListEndpoints();
app.MapFleetEndpoints();
app.MapHangfireDashboard("/hangfire", new DashboardOptions
{
    Authorization = [new SupervisorDashboardAuthorizationFilter()],
    AppPath = "/",
    DashboardTitle = "CpsSupport – tâches planifiées",
}).RequireAuthorization();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();

// Demo:Seed (development, docker-compose): the demo data set and accounts, then where to sign in, on the console.
static async Task SeedDemoAsync(IServiceProvider services, ILogger logger)
{
    var stopwatch = Stopwatch.StartNew();
    var result = await services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
    logger.LogInformation("Demo seed done in {Elapsed} ms: {Result}", stopwatch.ElapsedMilliseconds, result);
    // Printed once the server listens, so it is the last thing on screen rather than lost above the start-up logs.
    services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => PrintDemoBanner(result, stopwatch.Elapsed));
}

static void PrintDemoBanner(DemoSeedResult result, TimeSpan elapsed)
{
    var french = CultureInfo.GetCultureInfo("fr-FR");
    var rows = DemoAccounts.All.Select(a => (a.Email, a.Password, Role: Roles.DisplayName(a.Role))).ToList();
    var emailWidth = Math.Max("Courriel".Length, rows.Max(r => r.Email.Length)) + 2;
    var passwordWidth = Math.Max("Mot de passe".Length, rows.Max(r => r.Password.Length)) + 2;
    var banner = new StringBuilder()
        .AppendLine()
        .AppendLine(result.DataCreated
            ? $"Données de démonstration créées en {elapsed.TotalSeconds.ToString("0.0", french)} s :"
            : "Données de démonstration déjà présentes :")
        .AppendLine($"  {result.Structures} structures, {result.People} personnes, {result.Cards} cartes, {result.Mandates} mandats, {result.Tickets} tickets.")
        .AppendLine()
        // The development profile and docker-compose both publish the application on this address.
        .AppendLine("Application : http://localhost:5080")
        .AppendLine()
        .AppendLine("Comptes de démonstration :")
        .AppendLine($"  {"Courriel".PadRight(emailWidth)}{"Mot de passe".PadRight(passwordWidth)}Rôle");
    foreach (var (email, password, role) in rows)
        banner.AppendLine($"  {email.PadRight(emailWidth)}{password.PadRight(passwordWidth)}{role}");
    // One write: the console logger runs on its own thread and would slip its lines in between.
    Console.Write(banner.AppendLine().ToString());
}

/// <summary>Entry point, public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
