using CpsSupport.Features.Mail;
using CpsSupport.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using static CpsSupport.Tests.Features.Mail.MailWorld;

namespace CpsSupport.Tests.Features.Mail;

/// <summary>
/// What the batched ingestion (one query per kind for the whole batch, ticket numbers drawn at once, acknowledgements
/// queued just before saving) must keep: the hourly acknowledgement limit with the real outbox, numbers without gaps,
/// and a reply threaded onto a ticket opened earlier in the same batch.
/// </summary>
public sealed class MailIngestionBatchTests
{
    private static List<RawMail> Batch(params MimeKit.MimeMessage[] messages) =>
        messages.Select((m, i) => { var raw = Bytes(m); return new RawMail($"m{i}", raw, raw.LongLength); }).ToList();

    [Fact]
    public async Task The_hourly_acknowledgement_limit_holds_within_and_across_batches_with_the_real_outbox()
    {
        await using var w = await MailWorld.CreateAsync(o => o.Limits.AcknowledgementsPerSenderPerHour = 3);
        var ingestion = w.IngestionThrough([w.Outbox]);

        await ingestion.IngestAsync(Batch(Incoming("busy@cabinet.example", "Demande 1", "Un."), Incoming("busy@cabinet.example", "Demande 2", "Deux.")), CancellationToken.None);
        w.Clock.Advance(TimeSpan.FromMinutes(10));
        var second = await ingestion.IngestAsync(Batch(
            Incoming("busy@cabinet.example", "Demande 3", "Trois."), Incoming("other@cabinet.example", "Autre", "Autre."),
            Incoming("busy@cabinet.example", "Demande 4", "Quatre."), Incoming("busy@cabinet.example", "Demande 5", "Cinq.")), CancellationToken.None);

        Assert.Equal(4, second.Processed);
        await using var db = w.Db();
        var acknowledgements = await db.OutgoingMails.Where(m => m.Kind == OutgoingMailKind.Acknowledgement).ToListAsync();
        Assert.Equal(3, acknowledgements.Count(m => m.ToAddress == "busy@cabinet.example"));
        Assert.Single(acknowledgements, m => m.ToAddress == "other@cabinet.example");
        var refused = (await w.InboundAsync()).Where(m => !m.AcknowledgementQueued).ToList();
        Assert.Equal(["Demande 4", "Demande 5"], refused.Select(m => m.Subject).Order());
        Assert.All(refused, m => Assert.Contains("limite horaire", m.Note));
        // Each acknowledgement carries its own ticket's number.
        foreach (var ack in acknowledgements)
            Assert.Contains((await db.Tickets.SingleAsync(t => t.Id == ack.TicketId)).Number, ack.Subject);
    }

    [Fact]
    public async Task A_reply_in_the_same_batch_threads_onto_the_new_ticket_and_numbers_have_no_gap()
    {
        await using var w = await MailWorld.CreateAsync();
        var ingestion = w.IngestionThrough([w.Outbox]);

        var result = await ingestion.IngestAsync(Batch(
            Incoming("a@cabinet.example", "Carte perdue", "Perdue.", messageId: "first@cabinet.example"),
            Incoming("b@cabinet.example", "Code PIN", "Bloqué."),
            Incoming("a@cabinet.example", "Re: Carte perdue", "Retrouvée finalement.", inReplyTo: "first@cabinet.example"),
            Incoming("c@cabinet.example", "Lecteur", "Non reconnu.")), CancellationToken.None);

        Assert.Equal(4, result.Processed);
        var tickets = await w.TicketsAsync();
        Assert.Equal(3, tickets.Count);
        var lost = tickets.Single(t => t.Subject == "Carte perdue");
        Assert.Equal(2, lost.Messages.Count(m => m.Kind == TicketMessageKind.IncomingMail));
        var numbers = tickets.Select(t => long.Parse(t.Number[^6..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 3).Select(i => numbers[0] + i), numbers);
        // In arrival order.
        Assert.True(string.CompareOrdinal(lost.Number, tickets.Single(t => t.Subject == "Lecteur").Number) < 0);
    }
}
