using CpsSupport.Data;
using CpsSupport.Features.Mail;
using CpsSupport.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace CpsSupport.Tests.Features.Mail;

/// <summary>The outbox delivered to a real SMTP server (aiosmtpd on loopback): headers, threading, outages, retries.</summary>
public sealed class MailDeliveryTests : IAsyncLifetime
{
    private const string RequesterMessageId = "CAF1234.requester@example.test";
    private readonly SmtpReceiver _smtp = new();
    private MailWorld _world = null!;

    public async Task InitializeAsync() => _world = await MailWorld.WithSmtpAsync(_smtp.Port, maxAttempts: 3);

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_public_reply_is_delivered_threaded_on_the_requester_mail_and_recorded_on_the_ticket()
    {
        await _smtp.StartAsync();
        var ticket = await _world.TicketFromMailAsync("Helene.Durand@Example.test", "<" + RequesterMessageId + ">");
        var replyId = await _world.Tickets.AddMessageAsync(_world.Desk, ticket.Id,
            new NewTicketMessage(TicketMessageKind.PublicReply, "Bonjour Madame Durand,\n\nVotre carte est débloquée."));
        await _world.Tickets.AddMessageAsync(_world.Desk, ticket.Id, new NewTicketMessage(TicketMessageKind.InternalNote, "Appel au centre de gestion fait."));

        var run = await _world.Delivery().DeliverDueAsync();

        Assert.Equal(new MailDeliveryRun(1, 0, 0), run);
        var mail = Assert.Single(_smtp.Messages());
        Assert.EndsWith("@" + MailWorld.Domain, mail.MessageId, StringComparison.Ordinal);
        Assert.Equal(RequesterMessageId, mail.InReplyTo);
        Assert.Equal([RequesterMessageId], mail.References);
        Assert.Equal($"[{ticket.Number}] Carte CPS bloquée", mail.Subject);
        Assert.Equal("helene.durand@example.test", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("support@" + MailWorld.Domain, Assert.Single(mail.From.Mailboxes).Address);
        Assert.Null(mail.Headers[HeaderId.AutoSubmitted]);
        Assert.Null(mail.Headers["X-Auto-Response-Suppress"]);
        Assert.Contains("Votre carte est débloquée.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Camille Martin", mail.TextBody, StringComparison.Ordinal);
        // The ticket knows the Message-ID, so that the requester's answer to it threads back.
        Assert.Equal(mail.MessageId, (await _world.MessageAsync(replyId)).MessageId);
        var row = Assert.Single(await _world.OutboxAsync());
        Assert.Equal((OutgoingMailStatus.Sent, 1, replyId), (row.Status, row.Attempts, row.TicketMessageId));
    }

    [Fact]
    public async Task A_second_reply_references_the_requester_mail_and_the_first_reply()
    {
        await _smtp.StartAsync();
        var ticket = await _world.TicketFromMailAsync("helene.durand@example.test", RequesterMessageId);
        var first = await _world.Tickets.AddMessageAsync(_world.Desk, ticket.Id, new NewTicketMessage(TicketMessageKind.PublicReply, "Premier retour."));
        _world.Clock.Advance(TimeSpan.FromMinutes(5));
        await _world.Tickets.AddMessageAsync(_world.Desk, ticket.Id, new NewTicketMessage(TicketMessageKind.PublicReply, "Second retour."));

        await _world.Delivery().DeliverDueAsync();

        var second = _smtp.Messages().Single(m => m.TextBody?.Contains("Second retour.", StringComparison.Ordinal) == true);
        Assert.Equal(RequesterMessageId, second.InReplyTo);
        Assert.Equal([RequesterMessageId, (await _world.MessageAsync(first)).MessageId!], second.References);
    }

    [Fact]
    public async Task An_acknowledgement_is_marked_automatic_and_threaded_on_the_message_it_acknowledges()
    {
        await _smtp.StartAsync();
        var ticket = await _world.TicketFromMailAsync("helene.durand@example.test", RequesterMessageId);
        await using (var db = _world.Database.CreateContext(_world.Clock))
        {
            Assert.True(await _world.Outbox.QueueAcknowledgementAsync(db, ticket.Id, "Helene.Durand@example.test", "<" + RequesterMessageId + ">", CancellationToken.None));
            await db.SaveChangesAsync();
        }

        await _world.Delivery().DeliverDueAsync();

        var mail = Assert.Single(_smtp.Messages());
        Assert.Equal("auto-replied", mail.Headers[HeaderId.AutoSubmitted]);
        Assert.Equal("All", mail.Headers["X-Auto-Response-Suppress"]);
        Assert.Equal(RequesterMessageId, mail.InReplyTo);
        Assert.StartsWith($"[{ticket.Number}] Accusé de réception", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"enregistré sous le numéro {ticket.Number}", mail.TextBody, StringComparison.Ordinal);
        await using var check = _world.Database.CreateContext(_world.Clock);
        var recorded = await check.TicketMessages.SingleAsync(m => m.TicketId == ticket.Id && m.AuthorName == MailOutbox.AcknowledgementAuthor);
        Assert.Equal(mail.MessageId, recorded.MessageId);
    }

    [Fact]
    public async Task Acknowledgements_stop_at_the_per_sender_limit_for_an_hour()
    {
        var tickets = new List<Guid>();
        for (var i = 0; i < 5; i++) tickets.Add((await _world.TicketFromMailAsync("boucle@example.test", $"m{i}@example.test")).Id);
        var other = await _world.TicketFromMailAsync("autre@example.test", "other@example.test");

        var accepted = new List<bool>();
        await using (var db = _world.Database.CreateContext(_world.Clock))
        {
            // Two in the same unsaved context count as well.
            accepted.Add(await QueueAsync(db, tickets[0], "boucle@example.test"));
            accepted.Add(await QueueAsync(db, tickets[1], "Boucle@Example.test"));
            await db.SaveChangesAsync();
        }
        _world.Clock.Advance(TimeSpan.FromMinutes(30));
        await using (var db = _world.Database.CreateContext(_world.Clock))
        {
            accepted.Add(await QueueAsync(db, tickets[2], "boucle@example.test"));
            accepted.Add(await QueueAsync(db, tickets[3], "boucle@example.test"));
            accepted.Add(await QueueAsync(db, other.Id, "autre@example.test"));
            await db.SaveChangesAsync();
        }
        _world.Clock.Advance(TimeSpan.FromMinutes(31));
        await using (var db = _world.Database.CreateContext(_world.Clock))
        {
            // The first two are more than an hour old now: room for one more.
            accepted.Add(await QueueAsync(db, tickets[4], "boucle@example.test"));
            await db.SaveChangesAsync();
        }

        Assert.Equal([true, true, true, false, true, true], accepted);
        var outbox = await _world.OutboxAsync();
        Assert.Equal(4, outbox.Count(m => m.ToAddress == "boucle@example.test"));
        Assert.DoesNotContain(outbox, m => m.TicketId == tickets[3]);
    }

    [Fact]
    public async Task A_reply_queued_while_the_server_is_down_is_delivered_exactly_once_when_it_is_back()
    {
        var ticket = await _world.TicketFromMailAsync("helene.durand@example.test", RequesterMessageId);
        await _world.Tickets.AddMessageAsync(_world.Desk, ticket.Id, new NewTicketMessage(TicketMessageKind.PublicReply, "Réponse pendant la panne."));

        var down = await _world.Delivery().DeliverDueAsync();
        var pending = Assert.Single(await _world.OutboxAsync());
        var tooEarly = await _world.Delivery().DeliverDueAsync();
        await _smtp.StartAsync();
        _world.Clock.Advance(MailDeliveryService.BackOff(1));
        var back = await _world.Delivery().DeliverDueAsync();
        _world.Clock.Advance(TimeSpan.FromMinutes(10));
        var again = await _world.Delivery().DeliverDueAsync();

        Assert.Equal(new MailDeliveryRun(0, 1, 0), down);
        Assert.Equal((OutgoingMailStatus.Pending, 1), (pending.Status, pending.Attempts));
        Assert.NotNull(pending.LastError);
        Assert.Equal(_world.Clock.GetUtcNow() - TimeSpan.FromMinutes(10), pending.NextAttemptAt);
        Assert.Equal(new MailDeliveryRun(0, 0, 0), tooEarly);
        Assert.Equal(new MailDeliveryRun(1, 0, 0), back);
        Assert.Equal(new MailDeliveryRun(0, 0, 0), again);
        var mail = Assert.Single(_smtp.Messages());
        Assert.Contains("Réponse pendant la panne.", mail.TextBody, StringComparison.Ordinal);
        var sent = Assert.Single(await _world.OutboxAsync());
        Assert.Equal((OutgoingMailStatus.Sent, 2, (string?)null), (sent.Status, sent.Attempts, sent.LastError));
    }

    [Fact]
    public async Task Runs_started_together_send_each_message_once()
    {
        await _smtp.StartAsync();
        var ticket = await _world.TicketFromMailAsync("helene.durand@example.test", RequesterMessageId);
        for (var i = 0; i < 30; i++)
            await _world.Tickets.AddMessageAsync(_world.Desk, ticket.Id, new NewTicketMessage(TicketMessageKind.PublicReply, $"Réponse {i}."));

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => _world.Delivery().DeliverDueAsync())));

        Assert.Equal(30, runs.Sum(r => r.Sent));
        Assert.Equal(30, _smtp.Messages().Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(30, _smtp.Messages().Count);
    }

    [Fact]
    public async Task A_run_that_died_after_claiming_is_taken_over_once_its_lease_expired()
    {
        await _smtp.StartAsync();
        var ticket = await _world.TicketFromMailAsync("helene.durand@example.test", RequesterMessageId);
        await _world.Tickets.AddMessageAsync(_world.Desk, ticket.Id, new NewTicketMessage(TicketMessageKind.PublicReply, "Réponse reprise."));
        await SetAsync(m => m.SetProperty(x => x.Status, OutgoingMailStatus.Sending).SetProperty(x => x.Attempts, 1)
            .SetProperty(x => x.LockedUntil, _world.Clock.GetUtcNow().ToUniversalTime() + MailDeliveryService.ClaimLease));

        var duringLease = await _world.Delivery().DeliverDueAsync();
        _world.Clock.Advance(MailDeliveryService.ClaimLease + TimeSpan.FromSeconds(1));
        var afterLease = await _world.Delivery().DeliverDueAsync();

        Assert.Equal(new MailDeliveryRun(0, 0, 0), duringLease);
        Assert.Equal(new MailDeliveryRun(1, 0, 0), afterLease);
        Assert.Single(_smtp.Messages());
    }

    [Fact]
    public async Task A_message_out_of_attempts_is_failed_until_a_supervisor_retries_it()
    {
        var ticket = await _world.TicketFromMailAsync("helene.durand@example.test", RequesterMessageId);
        await _world.Tickets.AddMessageAsync(_world.Desk, ticket.Id, new NewTicketMessage(TicketMessageKind.PublicReply, "Réponse en échec."));
        var runs = new List<MailDeliveryRun>();
        for (var i = 0; i < 4; i++)
        {
            runs.Add(await _world.Delivery().DeliverDueAsync());
            _world.Clock.Advance(TimeSpan.FromHours(1));
        }
        var supervisor = new SystemActor("Sophie Lambert");
        var admin = _world.Admin(supervisor);
        var failed = Assert.Single(await admin.ListAsync(_world.Supervisor, OutgoingMailStatus.Failed));
        var counts = await admin.CountAsync(_world.Supervisor);
        await Assert.ThrowsAsync<OutgoingMailException>(() => admin.RetryAsync(_world.Desk, failed.Id));

        await admin.RetryAsync(_world.Supervisor, failed.Id);
        await Assert.ThrowsAsync<OutgoingMailException>(() => admin.RetryAsync(_world.Supervisor, failed.Id));
        await _smtp.StartAsync();
        var retried = await _world.Delivery().DeliverDueAsync();

        Assert.Equal([new(0, 1, 0), new(0, 1, 0), new(0, 0, 1), new(0, 0, 0)], runs);
        Assert.Equal((3, ticket.Number), (failed.Attempts, failed.TicketNumber));
        Assert.NotNull(failed.LastError);
        Assert.Equal(new OutgoingMailCounts(0, 0, 0, 1), counts);
        Assert.Equal(new MailDeliveryRun(1, 0, 0), retried);
        Assert.Single(_smtp.Messages());
        await using var db = _world.Database.CreateContext(_world.Clock);
        var audit = await db.AuditEvents.SingleAsync(e => e.EntityType == nameof(OutgoingMail) && e.EntityId == failed.Id.ToString());
        Assert.Equal(("Retried", "Sophie Lambert"), (audit.Action, audit.Actor));
        Assert.Contains("Failed", audit.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_mail_is_queued_for_a_ticket_without_requester_address()
    {
        var noAddress = await _world.Tickets.CreateAsync(_world.Desk, new NewTicket("Appel sans courriel", TicketChannel.Phone, TicketCategory.Other));
        await _world.Tickets.AddMessageAsync(_world.Desk, noAddress.Id, new NewTicketMessage(TicketMessageKind.PublicReply, "Réponse."));
        await _world.Tickets.AddMessageAsync(_world.Desk, noAddress.Id, new NewTicketMessage(TicketMessageKind.PhoneNote, "Rappelé."));

        Assert.Empty(await _world.OutboxAsync());
    }

    private async Task<bool> QueueAsync(CpsDbContext db, Guid ticketId, string address) =>
        await _world.Outbox.QueueAcknowledgementAsync(db, ticketId, address, null, CancellationToken.None);

    private async Task SetAsync(Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutgoingMail>> set)
    {
        await using var db = _world.Database.CreateContext(_world.Clock);
        await db.OutgoingMails.ExecuteUpdateAsync(set);
    }
}
