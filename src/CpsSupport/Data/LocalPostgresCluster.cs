using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace CpsSupport.Data;

/// <summary>
/// A private PostgreSQL cluster run with the Debian binaries (initdb/pg_ctl) in a folder of our own: the local
/// default of the run command and the database server of the tests, so neither needs Docker nor a system service.
/// PostgreSQL refuses to run as root, so as root every command runs as the <c>postgres</c> user.
/// </summary>
public sealed class LocalPostgresCluster
{
    private readonly string _binDirectory;

    private LocalPostgresCluster(string dataDirectory, int port, string binDirectory)
    {
        DataDirectory = dataDirectory;
        Port = port;
        _binDirectory = binDirectory;
    }

    public string DataDirectory { get; }
    public int Port { get; }

    /// <summary>
    /// Creates the cluster if the folder holds none, then starts it on 127.0.0.1:<paramref name="port"/> unless it
    /// already runs. <paramref name="fast"/> turns durability off (fsync…): for throw-away test clusters only.
    /// </summary>
    public static async Task<LocalPostgresCluster> StartAsync(string dataDirectory, int port, CancellationToken ct = default, bool fast = false)
    {
        var bin = FindBinDirectory();
        var dir = Path.GetFullPath(dataDirectory);
        if (IsRoot && !await PostgresCanReachAsync(Path.GetDirectoryName(dir)!, ct))
        {
            // A private temp folder (mktemp -d is 0700) cannot be entered by the postgres user: use a folder it can reach.
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(dir)))[..12].ToLowerInvariant();
            dir = Path.Combine("/var/tmp", "cpssupport-postgres", hash);
        }
        var cluster = new LocalPostgresCluster(dir, port, bin);
        await cluster.InitAsync(ct);
        await cluster.StartServerAsync(fast, ct);
        return cluster;
    }

    /// <summary>A connection string to <paramref name="database"/> on this cluster, as the superuser (trust auth on loopback).</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
        }.ConnectionString;

    /// <summary>Creates the database when missing.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\"", connection);
        await create.ExecuteNonQueryAsync(ct);
    }

    public async Task StopAsync()
    {
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None, throwOnError: false);
    }

    private async Task InitAsync(CancellationToken ct)
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION"))) return;
        Directory.CreateDirectory(DataDirectory);
        if (IsRoot) await RunRawAsync("chown", ["-R", "postgres:postgres", DataDirectory], ct);
        await RunAsync("initdb", ["-D", DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], ct);
    }

    private async Task StartServerAsync(bool fast, CancellationToken ct)
    {
        var status = await RunAsync("pg_ctl", ["-D", DataDirectory, "status"], ct, throwOnError: false);
        if (status.ExitCode == 0) return;

        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -k /tmp -c max_connections=200";
        if (fast) options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        var log = Path.Combine(DataDirectory, "server.log");
        var result = await RunAsync("pg_ctl", ["-D", DataDirectory, "-l", log, "-o", options, "-w", "-t", "60", "start"], ct, throwOnError: false);
        if (result.ExitCode != 0)
        {
            var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(15)) : "";
            throw new InvalidOperationException($"PostgreSQL did not start in {DataDirectory} on port {Port}: {result.Output}\n{tail}");
        }
    }

    private Task<(int ExitCode, string Output)> RunAsync(string tool, string[] args, CancellationToken ct, bool throwOnError = true)
    {
        var exe = Path.Combine(_binDirectory, tool);
        return IsRoot
            ? RunRawAsync("runuser", ["-u", "postgres", "--", exe, .. args], ct, throwOnError)
            : RunRawAsync(exe, args, ct, throwOnError);
    }

    private static async Task<(int ExitCode, string Output)> RunRawAsync(string exe, string[] args, CancellationToken ct, bool throwOnError = true)
    {
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var arg in args) psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {exe}.");
        // pg_ctl start leaves the server holding our pipes: read what is there without waiting for their end.
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = await Completed(stdout) + await Completed(stderr);
        if (throwOnError && process.ExitCode != 0)
            throw new InvalidOperationException($"{exe} {string.Join(' ', args)} failed ({process.ExitCode}): {output}");
        return (process.ExitCode, output);
    }

    private static async Task<string> Completed(Task<string> read) =>
        await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(2))) == read ? await read : "";

    private static async Task<bool> PostgresCanReachAsync(string directory, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var (code, _) = await RunRawAsync("runuser", ["-u", "postgres", "--", "test", "-w", directory, "-a", "-x", directory], ct, throwOnError: false);
        return code == 0;
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>The newest /usr/lib/postgresql/N/bin holding initdb, or CPS_POSTGRES_BIN.</summary>
    private static string FindBinDirectory()
    {
        if (Environment.GetEnvironmentVariable("CPS_POSTGRES_BIN") is { Length: > 0 } configured) return configured;
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .ToList()
            : [];
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries not found under /usr/lib/postgresql: install them with `apt-get install -y postgresql` (the scripts in scripts/ do it).");
    }
}
