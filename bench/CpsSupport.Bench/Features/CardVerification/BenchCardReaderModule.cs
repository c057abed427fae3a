using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace CpsSupport.Bench.Features.CardVerification;

/// <summary>
/// The real card-reading module (src/CpsSupport.CardReader, built with the benchmark) in its own process, on a free
/// loopback port, reading the SoftHSM2 token through PKCS#11 (not the simulator), with a fresh pairing token.
/// </summary>
public sealed class BenchCardReaderModule : IAsyncDisposable
{
    private readonly Process _process;

    private BenchCardReaderModule(Process process, HttpClient client)
    {
        _process = process;
        Client = client;
    }

    /// <summary>Sends the pairing token on every call, as the agent's page does.</summary>
    public HttpClient Client { get; }

    public static async Task<BenchCardReaderModule> StartAsync(BenchSoftHsm hsm)
    {
        var dll = ModuleAssembly();
        var port = FreePort();
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
                 {
                     dll, $"--CardReader:Port={port}", "--CardReader:UseSimulator=false", $"--CardReader:Pkcs11LibraryPath={BenchSoftHsm.LibraryPath}",
                     $"--CardReader:PairingToken={token}", "--CardReader:AllowedOrigin=http://127.0.0.1:5080",
                 })
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["SOFTHSM2_CONF"] = hsm.ConfigFile;
        var process = Process.Start(start) ?? throw new InvalidOperationException("The card-reading module did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Add("X-Pairing-Token", token);
        var module = new BenchCardReaderModule(process, client);
        await module.WaitReadyAsync();
        return module;
    }

    private async Task WaitReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The card-reading module stopped (exit code {_process.ExitCode}).");
            try
            {
                if ((await Client.GetAsync("/status")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The card-reading module does not answer after 60 s.");
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>bench/CpsSupport.Bench/bin/{Configuration}/{tfm}/ → src/CpsSupport.CardReader/bin/{Configuration}/{tfm}/.</summary>
    private static string ModuleAssembly()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = here.Name;
        var configuration = here.Parent!.Name;
        var root = here.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", "CpsSupport.CardReader", "bin", configuration, tfm, "CpsSupport.CardReader.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Card-reading module not built: dotnet build -c Release bench/CpsSupport.Bench.", dll);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
