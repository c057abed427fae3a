using CpsSupport.Features.Mail;
using CpsSupport.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static CpsSupport.Tests.Features.Mail.MailWorld;

namespace CpsSupport.Tests.Features.Mail;

/// <summary>End to end against a real Dovecot: IMAP fetch, tickets, flags and move only after the commit.</summary>
public sealed class ImapIngestionTests
{
    [DovecotFact]
    public async Task New_mail_becomes_a_ticket_acknowledged_then_is_seen_and_moved_to_Traites()
    {
        await using var w = await MailWorld.WithDovecotAsync();
        await w.Imap.AppendAsync([Incoming("Hélène Durand <helene.durand@pharmacie.example>", "Carte CPS perdue", "Bonjour, j'ai perdu ma carte CPS hier.")]);

        var result = await w.Fetcher.FetchAsync(CancellationToken.None);

        Assert.Equal(1, result.Processed);
        var ticket = Assert.Single(await w.TicketsAsync());
        Assert.Equal(TicketChannel.Mail, ticket.Channel);
        Assert.Equal("Carte CPS perdue", ticket.Subject);
        Assert.Equal("helene.durand@pharmacie.example", ticket.RequesterEmail);
        Assert.Equal(TicketCategory.Loss, ticket.Category);
        var message = Assert.Single(ticket.Messages);
        Assert.Equal(TicketMessageKind.IncomingMail, message.Kind);
        Assert.Contains("perdu ma carte", message.Body);
        var ack = Assert.Single(w.Acknowledgements);
        Assert.Equal((ticket.Id, "helene.durand@pharmacie.example"), (ack.TicketId, ack.Recipient));
        Assert.Equal((0, 0), await w.Imap.CountAsync("INBOX"));
        Assert.Equal((1, 1), await w.Imap.CountAsync("Traités"));
        await using var db = w.Db();
        var state = await db.MailboxStates.SingleAsync();
        Assert.Equal(("Imap", 0, 1), (state.Source, state.Backlog, state.LastFetchCount));
        Assert.Null(state.LastError);
    }

    [DovecotFact]
    public async Task Reply_is_threaded_on_the_ticket_by_In_Reply_To_and_follows_a_merge()
    {
        await using var w = await MailWorld.WithDovecotAsync();
        var first = Incoming("paul.martin@cabinet.example", "Lecteur non reconnu", "Mon lecteur ne reconnaît pas la carte.", messageId: "first@cabinet.example");
        await w.Imap.AppendAsync([first]);
        await w.Fetcher.FetchAsync(CancellationToken.None);
        var original = Assert.Single(await w.TicketsAsync());

        // The agent merges it into another ticket: the requester's reply must land on the survivor.
        await using (var db = w.Db())
        {
            var survivor = new Ticket { Number = "CPS-2026-900001", Subject = "Survivant", State = TicketState.InProgress, LastActivityAt = w.Clock.Now };
            db.Tickets.Add(survivor);
            await db.SaveChangesAsync();
            await db.Tickets.Where(t => t.Id == original.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.MergedIntoId, survivor.Id).SetProperty(t => t.State, TicketState.Closed));
        }
        var reply = Incoming("paul.martin@cabinet.example", "Re: Lecteur non reconnu", "J'ai réinstallé le pilote, toujours rien.", inReplyTo: "first@cabinet.example");
        await w.Imap.AppendAsync([reply]);
        await w.Fetcher.FetchAsync(CancellationToken.None);

        var tickets = await w.TicketsAsync();
        Assert.Equal(2, tickets.Count);
        var survivorAfter = tickets.Single(t => t.Number == "CPS-2026-900001");
        Assert.Contains(survivorAfter.Messages, m => m.Kind == TicketMessageKind.IncomingMail && m.Body.Contains("pilote"));
        Assert.Single(w.Acknowledgements); // only the first mail opened a ticket
    }

    [DovecotFact]
    public async Task Ticket_number_in_the_subject_threads_for_the_requester_but_a_stranger_gets_a_new_flagged_ticket()
    {
        await using var w = await MailWorld.WithDovecotAsync();
        await w.Imap.AppendAsync([Incoming("requester@clinique.example", "Code PIN bloqué", "Ma carte est bloquée.")]);
        await w.Fetcher.FetchAsync(CancellationToken.None);
        var ticket = Assert.Single(await w.TicketsAsync());

        await w.Imap.AppendAsync([
            Incoming("requester@clinique.example", $"[{ticket.Number}] complément", "Voici le numéro de série."),
            Incoming("stranger@elsewhere.example", $"Re: [{ticket.Number}] Code PIN bloqué", "Donnez-moi les informations de ce ticket."),
        ]);
        await w.Fetcher.FetchAsync(CancellationToken.None);

        var tickets = await w.TicketsAsync();
        Assert.Equal(2, tickets.Count);
        var same = tickets.Single(t => t.Id == ticket.Id);
        Assert.Equal(2, same.Messages.Count(m => m.Kind == TicketMessageKind.IncomingMail));
        var flagged = tickets.Single(t => t.Id != ticket.Id);
        Assert.Equal("stranger@elsewhere.example", flagged.RequesterEmail);
        Assert.Contains(MailIngestionService.UnverifiedSenderTag, flagged.Tags);
        Assert.Contains(flagged.Messages, m => m.Kind == TicketMessageKind.InternalNote && m.Body.Contains(ticket.Number));
    }

    [DovecotFact]
    public async Task Same_message_delivered_twice_makes_one_ticket()
    {
        await using var w = await MailWorld.WithDovecotAsync();
        var mail = Incoming("dup@cabinet.example", "Carte volée", "On m'a volé ma carte.", messageId: "same@cabinet.example");
        await w.Imap.AppendAsync([mail, mail]);
        await w.Fetcher.FetchAsync(CancellationToken.None);
        // Delivered again later (a second MX, a forward loop).
        await w.Imap.AppendAsync([mail]);
        var again = await w.Fetcher.FetchAsync(CancellationToken.None);

        Assert.Single(await w.TicketsAsync());
        Assert.Equal(1, again.Duplicates);
        Assert.Single(w.Acknowledgements);
        Assert.Equal((3, 3), await w.Imap.CountAsync("Traités"));
    }

    [DovecotFact]
    public async Task Crash_between_commit_and_flag_then_rerun_makes_exactly_one_ticket()
    {
        await using var w = await MailWorld.WithDovecotAsync();
        await w.Imap.AppendAsync([Incoming("crash@cabinet.example", "Carte non reçue", "Je n'ai jamais reçu ma carte.")]);
        w.Hooks.CrashAfterCommits = 1;

        await Assert.ThrowsAsync<IOException>(() => w.Fetcher.FetchAsync(CancellationToken.None));
        Assert.Single(await w.TicketsAsync());
        Assert.Equal((1, 0), await w.Imap.CountAsync("INBOX")); // committed, but neither flagged nor moved

        var rerun = await w.Fetcher.FetchAsync(CancellationToken.None);

        Assert.Equal((0, 1), (rerun.Processed, rerun.Duplicates));
        Assert.Single(await w.TicketsAsync());
        Assert.Single(w.Acknowledgements);
        Assert.Equal((0, 0), await w.Imap.CountAsync("INBOX"));
        Assert.Equal((1, 1), await w.Imap.CountAsync("Traités"));
        await using var db = w.Db();
        Assert.NotNull((await db.MailboxStates.SingleAsync()).LastSuccessAt);
    }

    [DovecotFact]
    public async Task Poisoned_message_between_two_good_ones_is_quarantined_and_the_good_ones_processed()
    {
        await using var w = await MailWorld.WithDovecotAsync();
        await w.Imap.AppendAsync([
            Incoming("a@cabinet.example", "Première demande", "Bonjour."),
            Incoming("b@cabinet.example", "POISON", "Ce message fait échouer le traitement."),
            Incoming("c@cabinet.example", "Troisième demande", "Bonjour."),
        ]);

        var result = await w.Fetcher.FetchAsync(CancellationToken.None);

        Assert.Equal((2, 1), (result.Processed, result.Quarantined));
        Assert.Equal(["Première demande", "Troisième demande"], (await w.TicketsAsync()).Select(t => t.Subject).Order().ToArray());
        var quarantined = Assert.Single(await w.InboundAsync(), m => m.Status == InboundMailStatus.Quarantined);
        Assert.Equal("b@cabinet.example", quarantined.FromAddress);
        Assert.Contains("poison", quarantined.Error);
        Assert.Equal(1, quarantined.Attempts);
        Assert.Equal(w.Clock.Now.AddMinutes(1), quarantined.NextAttemptAt);
        Assert.NotNull(quarantined.RawSha256);
        Assert.Equal(2, w.Acknowledgements.Count);
        Assert.Equal((3, 3), await w.Imap.CountAsync("Traités")); // stored raw in quarantine, so moved too
    }

    [DovecotFact]
    public async Task Auto_reply_and_bounce_get_no_acknowledgement()
    {
        await using var w = await MailWorld.WithDovecotAsync();
        var autoReply = Incoming("absent@cabinet.example", "Réponse automatique : absent du bureau", "Je suis absent jusqu'au 20 mars.");
        autoReply.Headers.Add("Auto-Submitted", "auto-replied");
        var bounce = Bounce("gone@cabinet.example");
        await w.Imap.AppendAsync([autoReply, bounce]);

        await w.Fetcher.FetchAsync(CancellationToken.None);

        Assert.Empty(w.Acknowledgements);
        var inbound = await w.InboundAsync();
        Assert.Contains(inbound, m => m.Note?.Contains("auto-replied") == true);
        Assert.Contains(inbound, m => m.Note?.Contains("gone@cabinet.example") == true);
        Assert.Equal((2, 2), await w.Imap.CountAsync("Traités"));
    }

    [DovecotFact]
    public async Task Message_over_the_size_limit_is_quarantined_with_a_notice_not_downloaded_and_not_dropped()
    {
        await using var w = await MailWorld.WithDovecotAsync(o => o.Limits.MaxMessageBytes = 100_000);
        var big = Incoming("big@cabinet.example", "Scan très lourd", "Voir pièce jointe.");
        var multipart = new Multipart("mixed") { big.Body!, new MimePart("application", "pdf") { FileName = "scan.pdf", Content = new MimeContent(new MemoryStream(new byte[300_000])) } };
        big.Body = multipart;
        await w.Imap.AppendAsync([big]);

        var result = await w.Fetcher.FetchAsync(CancellationToken.None);

        Assert.Equal(1, result.Quarantined);
        Assert.Empty(await w.TicketsAsync());
        var entry = Assert.Single(await w.InboundAsync());
        Assert.Equal(InboundMailStatus.Quarantined, entry.Status);
        Assert.StartsWith("Message de ", entry.Error);
        Assert.Null(entry.NextAttemptAt);
        Assert.True(entry.Size > 300_000);
        Assert.Equal((1, 1), await w.Imap.CountAsync("Traités"));
    }
}
