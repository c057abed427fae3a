using CpsSupport.Features.Documents;
using CpsSupport.Features.Incidents;
using CpsSupport.Features.Mail;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.Features.Incidents;
using CpsSupport.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CpsSupport.Tests.Features.Mail;

/// <summary>The missing-pieces reminder of a request goes to the requester by mail, from the <c>mail/missing-pieces</c> template.</summary>
public sealed class MissingPiecesMailTests
{
    [Fact]
    public async Task A_reminder_is_queued_as_a_french_notification_threaded_on_the_ticket()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 4, 30, 10), new MissingPiecesOptions { ReminderEveryBusinessDays = 2, CloseAfterBusinessDays = 5 });
        var (ticketId, _) = await w.MailWithIdScanAsync();
        var declared = await w.DeclareAsync(IncidentKind.Loss, RequestChannel.Mail, RequesterCapacity.Holder, ticketId: ticketId);
        string number;
        await using (var db = w.Database.CreateContext(w.Clock))
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);
            ticket.RequesterEmail = "helene.durand@example.test";
            number = ticket.Number;
            await db.SaveChangesAsync();
        }
        using var store = new TemplateStore(Options.Create(new DocumentOptions { TemplatesRoot = Path.Combine(RepositoryRoot.Path, "templates") }));
        var outbox = new MailOutbox(new MailTemplateRenderer(store), Options.Create(new MailOptions()), w.Clock);
        w.Clock.Now = Paris.At(2026, 5, 5, 9);

        var run = await w.RequestsMailingThrough(outbox).RemindAndCloseMissingPiecesAsync();

        Assert.Equal(new MissingPiecesRun(1, 0), run);
        await using var check = w.Database.CreateContext(w.Clock);
        var mail = await check.OutgoingMails.SingleAsync();
        var reminder = await check.TicketMessages.SingleAsync(m => m.Id == mail.TicketMessageId);
        Assert.Equal((OutgoingMailKind.Notification, "helene.durand@example.test", false), (mail.Kind, mail.ToAddress, mail.AutoSubmitted));
        var requestNumber = (await check.Requests.SingleAsync(r => r.Id == declared.RequestId)).Number;
        Assert.Equal($"[{number}] Pièces manquantes pour la demande {requestNumber}", mail.Subject);
        Assert.Contains("Relance n° 1", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("close le 11 mai 2026", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(mail.MessageId, reminder.MessageId);
        Assert.Equal(TicketMessageKind.PublicReply, reminder.Kind);
    }
}
