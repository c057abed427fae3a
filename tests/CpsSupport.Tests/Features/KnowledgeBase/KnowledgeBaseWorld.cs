using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.KnowledgeBase;
using CpsSupport.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CpsSupport.Tests.Features.KnowledgeBase;

/// <summary>A test database, optionally holding the bundled articles, and the knowledge-base services acting as named people.</summary>
public sealed class KnowledgeBaseWorld : IAsyncDisposable
{
    public const string SupervisorName = "Claire Superviseure";

    private KnowledgeBaseWorld(TestDatabase database, MutableClock clock)
    {
        Database = database;
        Clock = clock;
        Service = As(SupervisorName);
        Seeder = new KnowledgeBaseSeeder(new ActorDbContextFactory(database, clock, new SystemActor()), NullLogger<KnowledgeBaseSeeder>.Instance);
    }

    public TestDatabase Database { get; }
    public MutableClock Clock { get; }
    /// <summary>The service as the supervisor of <see cref="SupervisorName"/> would use it.</summary>
    public KnowledgeBaseService Service { get; }
    public KnowledgeBaseSeeder Seeder { get; }

    public static AccessScope Supervisor { get; } = new(Guid.NewGuid(), true, true, new HashSet<Guid>());
    public static AccessScope Agent { get; } = new(Guid.NewGuid(), true, false, new HashSet<Guid>());

    public static async Task<KnowledgeBaseWorld> CreateAsync(bool seeded = true)
    {
        var world = new KnowledgeBaseWorld(await TestPostgres.CreateDatabaseAsync(), new MutableClock(Paris.At(2026, 3, 2, 9)));
        if (seeded) await world.Seeder.SeedAsync();
        return world;
    }

    /// <summary>The service acting as <paramref name="name"/>, for the audit trail and the revisions alike.</summary>
    public KnowledgeBaseService As(string name)
    {
        var actor = new SystemActor(name);
        return new KnowledgeBaseService(new ActorDbContextFactory(Database, Clock, actor), Clock, actor);
    }

    public async Task<KbArticleDetail> ArticleAsync(string slug) =>
        await Service.GetAsync(slug) ?? throw new InvalidOperationException($"No article {slug}");

    public async Task<int> CountAsync<T>() where T : class
    {
        await using var db = Database.CreateContext(Clock);
        return await db.Set<T>().CountAsync();
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    private sealed class ActorDbContextFactory(TestDatabase database, TimeProvider clock, ICurrentActor actor) : IDbContextFactory<CpsDbContext>
    {
        public CpsDbContext CreateDbContext() => database.CreateContext(clock, actor);
    }
}
