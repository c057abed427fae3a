using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace CpsSupport.Web.Tests.EndToEnd;

/// <summary>
/// The real card-reading module (src/CpsSupport.CardReader, built with the solution) run as its own process with the
/// simulated reader, on a free loopback port, letting in the application's origin only, with a fresh pairing token.
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

    public static async Task<CardReaderModuleProcess> StartAsync(Uri appOrigin, string simulatorCaPath)
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
        foreach (var arg in new[]
                 {
                     dll, $"--CardReader:Port={port}", "--CardReader:UseSimulator=true", $"--CardReader:PairingToken={token}",
                     $"--CardReader:AllowedOrigin={appOrigin.GetLeftPart(UriPartial.Authority)}", $"--CardReader:SimulatorCaExportPath={simulatorCaPath}",
                 })
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
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
        using var http = Client();
        (await http.PostAsync($"/simulation/insert/{key}", null)).EnsureSuccessStatusCode();
    }

    private async Task WaitReadyAsync()
    {
        using var http = Client();
        var deadline = DateTime.UtcNow.AddSeconds(30);
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
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Le module de lecture ne répond pas après 30 s.");
            await Task.Delay(200);
        }
    }

    private HttpClient Client()
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

    /// <summary>tests/CpsSupport.Web.Tests/bin/{Configuration}/{tfm}/ → src/CpsSupport.CardReader/bin/{Configuration}/{tfm}/.</summary>
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
