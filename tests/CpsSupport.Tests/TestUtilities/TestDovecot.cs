using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace CpsSupport.Tests.TestUtilities;

/// <summary>
/// A private Dovecot IMAP server on loopback: its own config, state and Maildir in a temp folder, started with
/// <c>dovecot -c</c>, one account (<see cref="User"/>/<see cref="Password"/>), stopped and deleted on dispose.
/// <see cref="StartAsync"/> returns null with a reason when Dovecot is not installed (apt-get install dovecot-imapd).
/// </summary>
public sealed class TestDovecot : IAsyncDisposable
{
    public const string User = "support@example.test";
    public const string Password = "secret";

    private readonly string _directory;
    private readonly string _config;

    private TestDovecot(string directory, string config, int port)
    {
        _directory = directory;
        _config = config;
        Port = port;
    }

    public int Port { get; }

    public static string? MissingReason =>
        File.Exists("/usr/sbin/dovecot") ? null : "Dovecot is not installed (apt-get install -y dovecot-imapd): IMAP tests skipped.";

    /// <param name="extraConfig">Dovecot settings appended to the generated configuration (e.g. an <c>imap_capability</c> without IDLE).</param>
    public static async Task<TestDovecot> StartAsync(string? extraConfig = null)
    {
        if (MissingReason is { } reason) throw new InvalidOperationException(reason);
        var directory = Path.Combine(Path.GetTempPath(), $"cps-dovecot-{Environment.ProcessId}-{Guid.NewGuid():N}"[..44]);
        Directory.CreateDirectory(Path.Combine(directory, "mail", "user"));
        Directory.CreateDirectory(Path.Combine(directory, "run"));
        Directory.CreateDirectory(Path.Combine(directory, "state"));
        var port = FreePort();
        File.WriteAllText(Path.Combine(directory, "passwd"), $"{User}:{{PLAIN}}{Password}:65534:65534::{directory}/mail/user\n");
        var config = Path.Combine(directory, "dovecot.conf");
        File.WriteAllText(config, $$"""
            base_dir = {{directory}}/run
            state_dir = {{directory}}/state
            log_path = {{directory}}/dovecot.log
            protocols = imap
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            mail_location = maildir:~/Maildir
            mail_uid = 65534
            mail_gid = 65534
            first_valid_uid = 0
            first_valid_gid = 0
            passdb {
              driver = passwd-file
              args = {{directory}}/passwd
            }
            userdb {
              driver = passwd-file
              args = {{directory}}/passwd
            }
            namespace inbox {
              inbox = yes
              separator = /
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{port}}
              }
              inet_listener imaps {
                port = 0
              }
              chroot =
            }
            service anvil {
              chroot =
            }
            {{extraConfig}}
            """);
        Run("chown", "-R", "nobody:nogroup", Path.Combine(directory, "mail"));
        // The master daemonizes and keeps inherited pipes open: its output goes to a file, not to a pipe read to the end.
        Run("/bin/sh", "-c", $"exec /usr/sbin/dovecot -c '{config}' >'{directory}/start.log' 2>&1");
        var server = new TestDovecot(directory, config, port);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        var log = File.Exists(Path.Combine(directory, "dovecot.log")) ? File.ReadAllText(Path.Combine(directory, "dovecot.log")) : "";
        throw new InvalidOperationException($"Dovecot did not start on port {port}: {log}");
    }

    /// <summary>A connected, authenticated client (the caller disposes it).</summary>
    public async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(User, Password);
        return client;
    }

    /// <summary>Appends the messages to a folder of the account (INBOX by default), as a delivery would.</summary>
    public async Task AppendAsync(IEnumerable<MimeMessage> messages, string folder = "INBOX")
    {
        using var client = await ConnectAsync();
        var target = await client.GetFolderAsync(folder);
        foreach (var message in messages) await target.AppendAsync(message, MessageFlags.None);
        await client.DisconnectAsync(true);
    }

    public async Task AppendRawAsync(IEnumerable<byte[]> raws, string folder = "INBOX")
    {
        using var client = await ConnectAsync();
        var target = await client.GetFolderAsync(folder);
        foreach (var raw in raws)
        {
            using var stream = new MemoryStream(raw);
            await target.AppendAsync(new AppendRequest(await MimeMessage.LoadAsync(stream)));
        }
        await client.DisconnectAsync(true);
    }

    /// <summary>Messages in a folder with their flags; (0, 0) when the folder does not exist.</summary>
    public async Task<(int Count, int Seen)> CountAsync(string folder)
    {
        using var client = await ConnectAsync();
        IMailFolder target;
        try
        {
            target = await client.GetFolderAsync(folder);
        }
        catch (FolderNotFoundException)
        {
            return (0, 0);
        }
        await target.OpenAsync(FolderAccess.ReadOnly);
        var count = target.Count;
        var seen = count == 0 ? 0 : (await target.FetchAsync(0, -1, MessageSummaryItems.Flags)).Count(s => s.Flags?.HasFlag(MessageFlags.Seen) == true);
        await client.DisconnectAsync(true);
        return (count, seen);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Run("/bin/sh", "-c", $"exec /usr/sbin/dovecot -c '{_config}' stop >/dev/null 2>&1");
            for (var i = 0; i < 50 && File.Exists(Path.Combine(_directory, "run", "master.pid")); i++) Thread.Sleep(100);
        }
        finally
        {
            try { Directory.Delete(_directory, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return ValueTask.CompletedTask;
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
