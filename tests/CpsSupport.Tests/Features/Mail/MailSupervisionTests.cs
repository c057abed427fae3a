using CpsSupport.Features.Mail;
using CpsSupport.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Tests.Features.Mail;

public sealed class MailSupervisionTests
{
    [Fact]
    public async Task Quarantined_message_is_retried_with_back_off_then_left_to_a_supervisor()
    {
        await using var w = await MailWorld.CreateAsync(o => o.Limits.MaxAttempts = 3);
        await w.IngestAsync(MailWorld.Bytes(MailWorld.Incoming("p@cabinet.example", "POISON toujours", "…")));

        w.Clock.Now = w.Clock.Now.AddMinutes(1);
        Assert.Equal(0, await w.Ingestion.RetryDueAsync(CancellationToken.None));
        var second = Assert.Single(await w.InboundAsync());
        Assert.Equal((2, w.Clock.Now.AddMinutes(2)), (second.Attempts, second.NextAttemptAt));

        w.Clock.Now = w.Clock.Now.AddMinutes(1); // not yet due
        await w.Ingestion.RetryDueAsync(CancellationToken.None);
        Assert.Equal(2, Assert.Single(await w.InboundAsync()).Attempts);

        w.Clock.Now = w.Clock.Now.AddMinutes(1);
        await w.Ingestion.RetryDueAsync(CancellationToken.None);
        var last = Assert.Single(await w.InboundAsync());
        Assert.Equal((3, InboundMailStatus.Quarantined), (last.Attempts, last.Status));
        Assert.Null(last.NextAttemptAt); // left to a supervisor
        var status = await w.Supervision.StatusAsync(w.Supervisor, "Folder");
        Assert.Equal((1, 1), (status.Quarantined, status.WaitingForSupervisor));
    }

    [Fact]
    public async Task Supervisor_reprocesses_a_quarantined_message_and_the_change_is_audited()
    {
        await using var w = await MailWorld.CreateAsync();
        // Quarantined because no outbox was there to queue its acknowledgement (as before the outgoing side is wired).
        var broken = w.IngestionThrough([]);
        var raw = MailWorld.Bytes(MailWorld.Incoming("r@cabinet.example", "Carte perdue", "Perdue."));
        await broken.IngestAsync([new RawMail("x.eml", raw, raw.LongLength)], CancellationToken.None);
        var entry = Assert.Single(await w.InboundAsync());
        Assert.Equal(InboundMailStatus.Quarantined, entry.Status);
        Assert.Contains("IMailOutbox", entry.Error);
        Assert.Contains("Carte perdue", await w.Supervision.RawAsync(w.Supervisor, entry.Id));

        Assert.True(await w.Supervision.ReprocessAsync(w.Supervisor, entry.Id));

        var done = Assert.Single(await w.InboundAsync());
        Assert.Equal(InboundMailStatus.Processed, done.Status);
        Assert.NotNull(done.TicketId);
        Assert.Single(w.Acknowledgements);
        await using var db = w.Db();
        Assert.Contains(await db.AuditEvents.Where(a => a.EntityType == nameof(InboundMail) && a.EntityId == entry.Id.ToString()).ToListAsync(),
            a => a.Action == "Modified" && a.Changes.Contains("Processed"));
    }

    [Fact]
    public async Task Supervisor_discards_a_quarantined_message_audited_and_an_agent_is_refused()
    {
        await using var w = await MailWorld.CreateAsync();
        await w.IngestAsync(MailWorld.Bytes(MailWorld.Incoming("p@cabinet.example", "POISON", "…")));
        var entry = Assert.Single(await w.InboundAsync());

        await Assert.ThrowsAsync<MailException>(() => w.Supervision.DiscardAsync(w.Desk, entry.Id));
        await Assert.ThrowsAsync<MailException>(() => w.Supervision.QuarantineAsync(w.Desk));
        await Assert.ThrowsAsync<MailException>(() => w.Supervision.RawAsync(w.Desk, entry.Id));
        Assert.Single(await w.Supervision.QuarantineAsync(w.Supervisor));

        await w.Supervision.DiscardAsync(w.Supervisor, entry.Id);

        Assert.Equal(InboundMailStatus.Discarded, Assert.Single(await w.InboundAsync()).Status);
        Assert.Empty(await w.Supervision.QuarantineAsync(w.Supervisor));
        await using var db = w.Db();
        Assert.Contains(await db.AuditEvents.Where(a => a.EntityType == nameof(InboundMail)).ToListAsync(), a => a.Changes.Contains("Discarded"));
    }

    [Fact]
    public async Task Folder_source_reads_eml_files_and_moves_them_after_the_commit()
    {
        var root = Path.Combine(Path.GetTempPath(), $"cps-mail-folder-{Guid.NewGuid():N}");
        try
        {
            await using var w = await MailWorld.CreateAsync(o => { o.Folder.Inbox = Path.Combine(root, "inbox"); o.Folder.Processed = Path.Combine(root, "processed"); });
            Directory.CreateDirectory(Path.Combine(root, "inbox"));
            await File.WriteAllBytesAsync(Path.Combine(root, "inbox", "a.eml"), MailWorld.Bytes(MailWorld.Incoming("f@cabinet.example", "Carte volée", "Volée.")));

            var result = await w.Fetcher.FetchAsync(CancellationToken.None);

            Assert.Equal(1, result.Processed);
            Assert.Empty(Directory.GetFiles(Path.Combine(root, "inbox")));
            Assert.Single(Directory.GetFiles(Path.Combine(root, "processed")));
            Assert.Equal(TicketCategory.Theft, Assert.Single(await w.TicketsAsync()).Category);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
