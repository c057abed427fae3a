using System.Diagnostics;
using CpsSupport.Data;
using CpsSupport.Features.Demo;
using CpsSupport.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CpsSupport.Tests.Features.Demo;

/// <summary>One database seeded once, on a Sunday (no business day today), shared by the tests of <see cref="DemoSeederTests"/>.</summary>
public sealed class SeededDemoDatabase : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 22);

    public MutableClock Clock { get; } = new(Now);
    public TestDatabase Database { get; private set; } = null!;
    public ServiceProvider Services { get; private set; } = null!;
    public DemoSeedResult FirstRun { get; private set; } = null!;
    public TimeSpan FirstRunDuration { get; private set; }

    public async Task InitializeAsync()
    {
        Database = await TestPostgres.CreateDatabaseAsync();
        Services = TestServices.WithIdentity(Database, Clock);
        var stopwatch = Stopwatch.StartNew();
        FirstRun = await SeedAsync(Services);
        FirstRunDuration = stopwatch.Elapsed;
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Creates the roles, as the application does at start, then runs the seeder in its own scope.</summary>
    public static async Task<DemoSeedResult> SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().EnsureRolesAsync();
        return await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
    }
}
