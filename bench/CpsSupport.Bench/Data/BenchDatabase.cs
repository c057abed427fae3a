using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CpsSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CpsSupport.Bench.Data;

/// <summary>
/// The benchmark's PostgreSQL: a private cluster kept between runs, holding the database <c>cps_bench</c> migrated
/// and bulk-loaded once. The load writes a marker into the cluster folder after it commits; a run finding the marker
/// of the same dataset (version, seed, volumes, latest migration) reuses the data, any other run reloads it.
/// </summary>
public sealed class BenchDatabase
{
    public const string DatabaseName = "cps_bench";
    /// <summary>Benchmarks read the connection string from here, so a child process started by BenchmarkDotNet finds it too.</summary>
    public const string ConnectionVariable = "CPS_BENCH_CONNECTION";
    private const int Seed = 20261123;
    /// <summary>Bump when the generator changes, so that existing data folders are reloaded.</summary>
    private const int DatasetVersion = 1;
    private const string MarkerFile = "cps-bench-registry.txt";

    private readonly LocalPostgresCluster _cluster;

    private BenchDatabase(LocalPostgresCluster cluster, string marker)
    {
        _cluster = cluster;
        Marker = marker;
        ConnectionString = cluster.ConnectionString(DatabaseName);
    }

    public string ConnectionString { get; }
    public string DataDirectory => _cluster.DataDirectory;
    /// <summary>What the database holds: the dataset key, row counts and how long the load took.</summary>
    public string Marker { get; }

    /// <summary>The connection string published by the host process.</summary>
    public static string CurrentConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ConnectionVariable} is not set: start the benchmarks with `dotnet run -c Release --project bench/CpsSupport.Bench`.");

    /// <summary>Starts the cluster of <paramref name="folder"/> on a free port and makes sure it holds the dataset.</summary>
    public static async Task<BenchDatabase> OpenAsync(string folder, bool reload, TextWriter log, CancellationToken ct = default)
    {
        var cluster = await StartClusterAsync(Path.Combine(folder, "postgres"), ct);
        log.WriteLine($"PostgreSQL cluster {cluster.DataDirectory} on 127.0.0.1:{cluster.Port}");
        var connectionString = cluster.ConnectionString(DatabaseName);
        var key = $"cps-bench registry v{DatasetVersion} seed={Seed} {RegistrySize.Default} migration={LatestMigration(connectionString)}";
        var markerPath = Path.Combine(cluster.DataDirectory, MarkerFile);
        if (!reload && File.Exists(markerPath) && File.ReadLines(markerPath).FirstOrDefault() == key
            && await DatabaseExistsAsync(cluster, ct))
        {
            log.WriteLine($"Reusing the loaded registry ({markerPath})");
            return Published(new BenchDatabase(cluster, await File.ReadAllTextAsync(markerPath, ct)));
        }

        File.Delete(markerPath);
        var watch = Stopwatch.StartNew();
        await ExecuteAsync(cluster.ConnectionString("postgres"), $"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)", ct);
        await cluster.EnsureDatabaseAsync(DatabaseName, ct);
        await MigrateAsync(connectionString, ct);
        log.WriteLine($"Migrated {DatabaseName} in {watch.Elapsed.TotalSeconds:F1} s; generating {RegistrySize.Default} (seed {Seed})");
        var registry = RegistryGenerator.Generate(RegistrySize.Default, Seed);
        var generated = watch.Elapsed;
        log.WriteLine($"Generated in {generated.TotalSeconds:F1} s; loading with COPY");
        await RegistryLoader.LoadAsync(connectionString, registry, ct);
        var marker = string.Join('\n',
            key,
            $"rows: structures={registry.Structures.Count} people={registry.People.Count} mandates={registry.Mandates.Count} " +
            $"cards={registry.Cards.Count} card_events={registry.CardEvents.Count}",
            $"loaded in {(watch.Elapsed - generated).TotalSeconds:F1} s (COPY + VACUUM ANALYZE), generated in {generated.TotalSeconds:F1} s",
            $"database size: {await DatabaseSizeAsync(connectionString, ct)}") + "\n";
        // Written last: a load that failed half-way leaves no marker and is redone by the next run.
        await File.WriteAllTextAsync(markerPath, marker, ct);
        log.WriteLine($"Loaded; marker written to {markerPath}");
        return Published(new BenchDatabase(cluster, marker));
    }

    /// <summary>Stops the server; the data folder stays for the next run.</summary>
    public Task StopAsync() => _cluster.StopAsync();

    private static BenchDatabase Published(BenchDatabase database)
    {
        Environment.SetEnvironmentVariable(ConnectionVariable, database.ConnectionString);
        return database;
    }

    /// <summary>Starts the cluster, or finds it still running after an interrupted run and uses its port.</summary>
    private static async Task<LocalPostgresCluster> StartClusterAsync(string directory, CancellationToken ct)
    {
        var port = FreePort();
        var cluster = await LocalPostgresCluster.StartAsync(directory, port, ct, fast: true);
        var pidFile = Path.Combine(cluster.DataDirectory, "postmaster.pid");
        // postmaster.pid: pid, data directory, start time, port, …
        var running = File.Exists(pidFile) ? File.ReadLines(pidFile).Skip(3).FirstOrDefault() : null;
        return int.TryParse(running, NumberStyles.None, CultureInfo.InvariantCulture, out var actual) && actual != port
            ? await LocalPostgresCluster.StartAsync(directory, actual, ct, fast: true)
            : cluster;
    }

    private static string LatestMigration(string connectionString)
    {
        using var provider = Services(connectionString);
        using var scope = provider.CreateScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CpsDbContext>>().CreateDbContext();
        return db.Database.GetMigrations().Last();
    }

    private static async Task MigrateAsync(string connectionString, CancellationToken ct)
    {
        await using var provider = Services(connectionString);
        await using var scope = provider.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CpsDbContext>>().CreateDbContextAsync(ct);
        await db.Database.MigrateAsync(ct);
    }

    private static ServiceProvider Services(string connectionString) =>
        new ServiceCollection().AddCpsSupport(connectionString).BuildServiceProvider();

    private static async Task<bool> DatabaseExistsAsync(LocalPostgresCluster cluster, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", DatabaseName);
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    private static async Task<string> DatabaseSizeAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_size_pretty(pg_database_size(current_database()))", connection);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
