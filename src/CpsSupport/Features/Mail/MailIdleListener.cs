using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CpsSupport.Features.Mail;

/// <summary>
/// IMAP IDLE on the support inbox (when <c>Mail:Source</c> is <c>Imap</c> and <c>Mail:Imap:UseIdle</c> is on): one
/// connection waits in IDLE and, when the server announces new mail, runs the same <see cref="MailFetcher"/> as the
/// recurring poll (which keeps running as a safety net; both take the fetch lock, so a message is never ingested twice).
/// Reconnects with back-off (1 s doubling to 5 min) after an error; stops when the server lacks IDLE (polling only).
/// </summary>
public sealed class MailIdleListener(
    IServiceScopeFactory scopes,
    IOptions<MailOptions> options,
    ILogger<MailIdleListener> logger) : BackgroundService
{
    /// <summary>Servers drop an IDLE after 30 minutes at most (RFC 2177): it is renewed well before.</summary>
    public TimeSpan IdleRenewal { get; set; } = TimeSpan.FromMinutes(9);

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    /// <summary>Set once the server was seen without the IDLE capability (the listener then stops).</summary>
    public bool IdleUnsupported { get; private set; }

    /// <summary>Fetches run on behalf of IDLE notifications (the first one catches up on connection).</summary>
    public int FetchCount => _fetches;

    private int _fetches;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var mail = options.Value;
        if (!mail.Source.Equals("Imap", StringComparison.OrdinalIgnoreCase) || !mail.Imap.UseIdle) return;
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await ListenAsync(mail.Imap, () => backoff = TimeSpan.FromSeconds(1), stoppingToken))
                {
                    IdleUnsupported = true;
                    logger.LogInformation("IMAP server {Host} does not offer IDLE: the mailbox is read by the recurring poll only", mail.Imap.Host);
                    return;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "IMAP IDLE on {Host} failed; reconnecting in {Delay}", mail.Imap.Host, backoff);
                try
                {
                    await Task.Delay(backoff, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
            }
        }
    }

    /// <summary>One connection's life: false when the server has no IDLE; returns or throws when the connection ends.</summary>
    private async Task<bool> ListenAsync(ImapOptions imap, Action connected, CancellationToken stop)
    {
        using var client = new ImapClient();
        await MailFetcher.ConnectAsync(client, imap, stop);
        if (!client.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            await client.DisconnectAsync(true, stop);
            return false;
        }
        var inbox = await client.GetFolderAsync(imap.InboxFolder, stop);
        await inbox.OpenAsync(FolderAccess.ReadOnly, stop);
        connected();

        var arrived = 0;
        var known = inbox.Count;
        CancellationTokenSource? done = null;
        void OnCountChanged(object? sender, EventArgs e)
        {
            // Counts also fall when the fetch moves messages away: only a rise is new mail.
            var count = inbox.Count;
            if (count > Volatile.Read(ref known)) Interlocked.Exchange(ref arrived, 1);
            Volatile.Write(ref known, count);
            if (Volatile.Read(ref arrived) == 1) done?.Cancel();
        }
        inbox.CountChanged += OnCountChanged;
        try
        {
            // Catch up on what arrived while disconnected.
            await FetchAsync(stop);
            while (!stop.IsCancellationRequested)
            {
                using (done = new CancellationTokenSource(IdleRenewal))
                {
                    if (Volatile.Read(ref arrived) == 0) await client.IdleAsync(done.Token, stop);
                }
                done = null;
                if (Interlocked.Exchange(ref arrived, 0) == 1) await FetchAsync(stop);
                else await client.NoOpAsync(stop); // between two IDLEs: keeps the connection alive, and reports news
            }
        }
        finally
        {
            inbox.CountChanged -= OnCountChanged;
        }
        if (client.IsConnected) await client.DisconnectAsync(true, CancellationToken.None);
        return true;
    }

    private async Task FetchAsync(CancellationToken stop)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MailFetcher>().FetchAsync(stop);
        Interlocked.Increment(ref _fetches);
    }
}
