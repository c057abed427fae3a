using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace CpsSupport.Web.Tests.EndToEnd;

/// <summary>
/// The real card-reading module (src/CpsSupport.CardReader, built with the solution) run as its own process with the
/// simulated reader (or a PKCS#11 library), on a free loopback port, letting in the application's origin only, with a fresh pairing token.
/// </summary>
public sealed class CardReaderModuleProcess : IAsyncDisposable
{
    private readonly Process _process;

    private CardReaderModuleProcess(Process process, Uri address, string token)
    {
        _process = process;
        Address = address;
        PairingToken = token;
    }

    public Uri Address { get; }
    public string PairingToken { get; }

    /// <summary>The module with its simulated reader, which exports the simulated cards' authority to <paramref name="simulatorCaPath"/>.</summary>
    public static Task<CardReaderModuleProcess> StartAsync(Uri appOrigin, string simulatorCaPath) =>
        StartAsync(appOrigin, ["--CardReader:UseSimulator=true", $"--CardReader:SimulatorCaExportPath={simulatorCaPath}"]);

    /// <summary>
    /// The module with the given reader settings and environment, e.g. a PKCS#11 library and, for SoftHSM2, the
    /// SOFTHSM2_CONF that names its tokens (the card benchmark links this file).
    /// </summary>
    public static async Task<CardReaderModuleProcess> StartAsync(Uri appOrigin, IEnumerable<string> settings, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = ModuleAssembly();
        var port = FreePort();
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] common = [dll, $"--CardReader:Port={port}", $"--CardReader:PairingToken={token}", $"--CardReader:AllowedOrigin={appOrigin.GetLeftPart(UriPartial.Authority)}"];
        foreach (var arg in common.Concat(settings)) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Le module de lecture n'a pas démarré.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var module = new CardReaderModuleProcess(process, new Uri($"http://127.0.0.1:{port}"), token);
        await module.WaitReadyAsync();
        return module;
    }

    /// <summary>Puts a simulated card (valide, opposee, expiree…) in the simulated reader.</summary>
    public async Task InsertAsync(string key)
    {
        using var http = CreateClient();
        (await http.PostAsync($"/simulation/insert/{key}", null)).EnsureSuccessStatusCode();
    }

    private async Task WaitReadyAsync()
    {
        using var http = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Le module de lecture s'est arrêté (code {_process.ExitCode}).");
            try
            {
                if ((await http.GetAsync("/status")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Le module de lecture ne répond pas après 60 s.");
            await Task.Delay(200);
        }
    }

    /// <summary>A client that sends the pairing token on every call, as the agent's page does.</summary>
    public HttpClient CreateClient()
    {
        var http = new HttpClient { BaseAddress = Address };
        http.DefaultRequestHeaders.Add("X-Pairing-Token", PairingToken);
        return http;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>tests/CpsSupport.Web.Tests/bin/{Configuration}/{tfm}/ (or bench/CpsSupport.Bench/…) → src/CpsSupport.CardReader/bin/{Configuration}/{tfm}/.</summary>
    private static string ModuleAssembly()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = here.Name;
        var configuration = here.Parent!.Name;
        var root = here.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", "CpsSupport.CardReader", "bin", configuration, tfm, "CpsSupport.CardReader.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Module de lecture non compilé : construisez la solution (dotnet build CpsSupport.sln).", dll);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
