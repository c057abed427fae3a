using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace CpsSupport.Tests.Features.Mail;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd (<c>apt-get install -y python3-aiosmtpd</c>) with a handler that
/// writes each accepted message, as received, to a folder. It can be stopped and started again on the same port.
/// </summary>
public sealed class SmtpReceiver : IAsyncDisposable
{
    private const string Script = """
        import os, sys, time
        from aiosmtpd.controller import Controller

        folder, port = sys.argv[1], int(sys.argv[2])

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                path = os.path.join(folder, "%d.eml" % time.time_ns())
                with open(path + ".tmp", "wb") as f:
                    f.write(envelope.original_content or envelope.content)
                os.rename(path + ".tmp", path)
                return "250 Message accepted"

        controller = Controller(Handler(), hostname="127.0.0.1", port=port)
        controller.start()
        print("READY", flush=True)
        while True:
            time.sleep(3600)
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"cps-smtp-{Guid.NewGuid():N}");
    private Process? _process;

    public SmtpReceiver()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "received"));
        File.WriteAllText(Path.Combine(_directory, "receiver.py"), Script);
        Port = FreePort();
    }

    public int Port { get; }

    public string ReceivedFolder => Path.Combine(_directory, "received");

    public async Task StartAsync()
    {
        if (_process is not null) return;
        var start = new ProcessStartInfo("/usr/bin/python3", [Path.Combine(_directory, "receiver.py"), ReceivedFolder, Port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != "READY")
        {
            var error = await process.StandardError.ReadToEndAsync(CancellationToken.None);
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"aiosmtpd did not start (is python3-aiosmtpd installed?): {line} {error}");
        }
        _process = process;
    }

    public async Task StopAsync()
    {
        if (_process is null) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>The messages received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.EnumerateFiles(ReceivedFolder, "*.eml").Order(StringComparer.Ordinal).Select(p => MimeMessage.Load(p)).ToList();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
