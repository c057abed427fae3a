using BenchmarkDotNet.Attributes;
using CpsSupport.Bench.Data;
using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Paging;
using CpsSupport.Features.People;
using CpsSupport.Features.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CpsSupport.Bench;

/// <summary>
/// The library's services wired as the application wires them (<c>AddCpsSupport</c>: pooled Npgsql, one short-lived
/// context per call), on the loaded registry. Each benchmark is one call a page or an API client makes.
/// </summary>
public abstract class RegistryBenchmark
{
    protected static readonly AccessScope Desk = new(Guid.Empty, IsDesk: true, IsSupervisor: false, new HashSet<Guid>());
    protected static readonly PageRequest FirstPage = new(0, 25);
    /// <summary>Page 100 of 25 rows, as the grid's pager asks for it (zero-based).</summary>
    protected static readonly PageRequest Page100 = new(99, 25);

    private ServiceProvider? _provider;
    private AsyncServiceScope _scope;

    protected BenchTargets Targets { get; private set; } = null!;
    protected CardService Cards { get; private set; } = null!;
    protected StructureService Structures { get; private set; } = null!;
    protected PersonService People { get; private set; } = null!;

    /// <summary>An interceptor added to every context, for the query plan report; none when measuring.</summary>
    internal IInterceptor? Interceptor { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var connectionString = BenchDatabase.CurrentConnectionString;
        var services = new ServiceCollection().AddCpsSupport(connectionString);
        if (Interceptor is { } interceptor) services.ConfigureDbContext<CpsDbContext>(options => options.AddInterceptors(interceptor));
        _provider = services.BuildServiceProvider();
        _scope = _provider.CreateAsyncScope();
        Cards = _scope.ServiceProvider.GetRequiredService<CardService>();
        Structures = _scope.ServiceProvider.GetRequiredService<StructureService>();
        People = _scope.ServiceProvider.GetRequiredService<PersonService>();
        Targets = await BenchTargets.LoadAsync(connectionString);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _scope.DisposeAsync();
        if (_provider is not null) await _provider.DisposeAsync();
    }
}
