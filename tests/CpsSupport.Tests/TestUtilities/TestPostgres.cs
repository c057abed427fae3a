using System.Net;
using System.Net.Sockets;
using CpsSupport.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CpsSupport.Tests.TestUtilities;

/// <summary>
/// One real PostgreSQL server per test run: the server named by CPS_TEST_POSTGRES (an admin connection string),
/// or else a private cluster started with initdb/pg_ctl in a temp folder and stopped when the run ends.
/// The schema is migrated once into a template; each test gets a fresh copy of it (CREATE DATABASE … TEMPLATE).
/// </summary>
public static class TestPostgres
{
    private const string TemplateName = "cps_test_template";
    private static readonly Lazy<Task<Server>> SharedServer = new(StartAsync);
    private static readonly SemaphoreSlim CreateLock = new(1, 1);
    private static int _counter;

    /// <summary>A new database holding the migrated schema and no data; dispose it to drop it.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var server = await SharedServer.Value;
        var name = $"cps_test_{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
        await CreateLock.WaitAsync();
        try
        {
            await server.ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateName}\"");
        }
        finally
        {
            CreateLock.Release();
        }
        return new TestDatabase(server, name, server.ConnectionString(name));
    }

    /// <summary>A new database with no schema at all, to test the migrations themselves.</summary>
    public static async Task<TestDatabase> CreateEmptyDatabaseAsync()
    {
        var server = await SharedServer.Value;
        var name = $"cps_empty_{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
        await server.ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return new TestDatabase(server, name, server.ConnectionString(name));
    }

    private static async Task<Server> StartAsync()
    {
        Server server;
        if (Environment.GetEnvironmentVariable("CPS_TEST_POSTGRES") is { Length: > 0 } admin)
        {
            server = new Server(new NpgsqlConnectionStringBuilder(admin), null);
        }
        else
        {
            RemoveStoppedClusters();
            var directory = Path.Combine(Path.GetTempPath(), $"cps-test-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
            var cluster = await LocalPostgresCluster.StartAsync(directory, FreePort(), fast: true);
            server = new Server(new NpgsqlConnectionStringBuilder(cluster.ConnectionString("postgres")), cluster);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Shutdown();
        }

        await server.ExecuteAsync($"DROP DATABASE IF EXISTS \"{TemplateName}\" WITH (FORCE)");
        await server.ExecuteAsync($"CREATE DATABASE \"{TemplateName}\"");
        var templateConnection = server.ConnectionString(TemplateName);
        await using (var db = TestDatabase.CreateContext(templateConnection))
        {
            await db.Database.MigrateAsync();
        }
        // CREATE DATABASE … TEMPLATE needs the template without open connections, pooled ones included.
        NpgsqlConnection.ClearAllPools();
        return server;
    }

    /// <summary>The test host may be ended before it deletes its cluster: remove old stopped ones of earlier runs.</summary>
    private static void RemoveStoppedClusters()
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), "cps-test-pg-*"))
        {
            var stopped = !File.Exists(Path.Combine(dir, "postmaster.pid"));
            if (!stopped || Directory.GetLastWriteTimeUtc(dir) > DateTime.UtcNow.AddMinutes(-10)) continue;
            try { Directory.Delete(dir, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal sealed class Server(NpgsqlConnectionStringBuilder admin, LocalPostgresCluster? cluster)
    {
        public string ConnectionString(string database) =>
            new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = database, Pooling = true }.ConnectionString;

        public async Task ExecuteAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        public void Shutdown()
        {
            if (cluster is null) return;
            cluster.StopAsync().GetAwaiter().GetResult();
            try { Directory.Delete(cluster.DataDirectory, recursive: true); }
            catch (IOException) { /* a leftover temp folder is harmless */ }
            catch (UnauthorizedAccessException) { }
        }
    }
}

/// <summary>A throw-away database of the shared test server.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly TestPostgres.Server _server;

    internal TestDatabase(TestPostgres.Server server, string name, string connectionString)
    {
        _server = server;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    /// <summary>A context on this database, with the audit interceptor of the given clock and actor.</summary>
    public CpsDbContext CreateContext(TimeProvider? clock = null, ICurrentActor? actor = null) =>
        CreateContext(ConnectionString, clock, actor);

    internal static CpsDbContext CreateContext(string connectionString, TimeProvider? clock = null, ICurrentActor? actor = null)
    {
        var options = new DbContextOptionsBuilder<CpsDbContext>();
        DataServiceCollectionExtensions.ConfigureNpgsql(options, connectionString);
        options.AddInterceptors(new AuditInterceptor(clock ?? TimeProvider.System, actor ?? new SystemActor("tests")));
        return new CpsDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        await _server.ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }
}
