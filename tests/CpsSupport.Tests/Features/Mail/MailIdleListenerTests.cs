using CpsSupport.Features.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static CpsSupport.Tests.Features.Mail.MailWorld;

namespace CpsSupport.Tests.Features.Mail;

/// <summary>IMAP IDLE against the real Dovecot: new mail is fetched as it arrives, without the recurring poll.</summary>
public sealed class MailIdleListenerTests
{
    [DovecotFact]
    public async Task Mail_appended_while_idling_becomes_a_ticket_within_seconds_without_the_poll_and_the_listener_stops_cleanly()
    {
        await using var w = await MailWorld.WithDovecotAsync();
        await using var services = Services(w);
        var listener = new MailIdleListener(services.GetRequiredService<IServiceScopeFactory>(), Microsoft.Extensions.Options.Options.Create(w.Options),
            NullLogger<MailIdleListener>.Instance);
        await listener.StartAsync(CancellationToken.None);
        try
        {
            // The catch-up fetch on connection, then the connection idles.
            await Until(() => Task.FromResult(listener.FetchCount >= 1), TimeSpan.FromSeconds(20));
            Assert.Empty(await w.TicketsAsync());

            await w.Imap.AppendAsync([Incoming("idle.user@cabinet.example", "Carte CPS perdue", "Perdue ce matin.")]);
            await Until(async () => (await w.TicketsAsync()).Count == 1, TimeSpan.FromSeconds(10));

            var ticket = Assert.Single(await w.TicketsAsync());
            Assert.Equal("idle.user@cabinet.example", ticket.RequesterEmail);
            Assert.Single(w.Acknowledgements);
            await Until(async () => await w.Imap.CountAsync("Traités") == (1, 1), TimeSpan.FromSeconds(5));
            Assert.Equal((0, 0), await w.Imap.CountAsync("INBOX"));
            Assert.False(listener.IdleUnsupported);
        }
        finally
        {
            var stop = Task.Run(() => listener.StopAsync(CancellationToken.None));
            Assert.Same(stop, await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(10))));
            await stop;
        }
        Assert.True(listener.ExecuteTask!.IsCompletedSuccessfully);
    }

    [DovecotFact]
    public async Task Two_fetches_at_once_never_ingest_the_same_message_twice_the_second_waits_for_the_first()
    {
        await using var w = await MailWorld.WithDovecotAsync();
        await w.Imap.AppendAsync(Enumerable.Range(0, 40).Select(i => Incoming($"sender{i}@cabinet.example", $"Demande {i}", "Bonjour.")));

        // As the recurring poll and the IDLE listener would: two fetchers on the same mailbox at the same time.
        var second = new MailFetcher(w.Factory, w.Ingestion, w.Clock, Microsoft.Extensions.Options.Options.Create(w.Options), NullLogger<MailFetcher>.Instance);
        var results = await Task.WhenAll(w.Fetcher.FetchAsync(CancellationToken.None), second.FetchAsync(CancellationToken.None));

        Assert.Equal(40, results.Sum(r => r.Processed));
        Assert.Equal(0, results.Sum(r => r.Duplicates));
        Assert.Contains(results, r => r.Total == 0); // the one that waited found the mailbox already read
        Assert.Equal(40, (await w.TicketsAsync()).Count);
        Assert.Equal(40, w.Acknowledgements.Count);
        Assert.Equal((40, 40), await w.Imap.CountAsync("Traités"));
    }

    [DovecotFact]
    public async Task A_server_without_IDLE_leaves_the_mailbox_to_the_recurring_poll()
    {
        // Dovecot announcing its usual capabilities minus IDLE.
        await using var w = await MailWorld.WithDovecotAsync(dovecotConfig:
            "imap_capability = IMAP4rev1 LITERAL+ SASL-IR LOGIN-REFERRALS ID ENABLE SORT THREAD=REFERENCES MULTIAPPEND UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 ESEARCH MOVE");
        await using var services = Services(w);
        var listener = new MailIdleListener(services.GetRequiredService<IServiceScopeFactory>(), Microsoft.Extensions.Options.Options.Create(w.Options),
            NullLogger<MailIdleListener>.Instance);
        await w.Imap.AppendAsync([Incoming("poll.user@cabinet.example", "Carte perdue", "Perdue.")]);

        await listener.StartAsync(CancellationToken.None);
        await listener.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(listener.IdleUnsupported);
        Assert.Equal(0, listener.FetchCount);
        Assert.Empty(await w.TicketsAsync()); // left to the poll, which still works against this server
        Assert.Equal(1, (await w.Fetcher.FetchAsync(CancellationToken.None)).Processed);
        await listener.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_listener_does_nothing_when_the_source_is_not_Imap_or_idle_is_off()
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        foreach (var options in new[] { new MailOptions { Source = "Folder" }, new MailOptions { Source = "Imap", Imap = { UseIdle = false, Host = "127.0.0.1", Port = 1 } } })
        {
            var listener = new MailIdleListener(services.GetRequiredService<IServiceScopeFactory>(), Microsoft.Extensions.Options.Options.Create(options),
                NullLogger<MailIdleListener>.Instance);
            await listener.StartAsync(CancellationToken.None);
            await listener.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Equal(0, listener.FetchCount);
            await listener.StopAsync(CancellationToken.None);
        }
    }

    private static ServiceProvider Services(MailWorld w)
    {
        var services = new ServiceCollection();
        services.AddScoped(_ => w.Fetcher);
        return services.BuildServiceProvider();
    }

    private static async Task Until(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"condition not met within {timeout.TotalSeconds} s");
            await Task.Delay(100);
        }
    }
}
