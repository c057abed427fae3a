using CpsSupport.Data;

namespace CpsSupport.Features.Mail;

/// <summary>
/// Outgoing mail of the desk, added to the caller's context, so they commit (or roll back) with the caller's work, and delivered later by a job,
/// so nothing is lost while the SMTP server is down.
/// </summary>
public interface IMailOutbox
{
    /// <summary>
    /// Queues the acknowledgement of a ticket opened by mail (ticket number in the subject,
    /// <c>Auto-Submitted: auto-replied</c>, threaded on the requester's message).
    /// The caller saves the context. Returns false, queuing nothing, when the address already received
    /// <see cref="MailLimits.AcknowledgementsPerSenderPerHour"/> acknowledgements in the last hour.
    /// </summary>
    Task<bool> QueueAcknowledgementAsync(CpsDbContext db, Guid ticketId, string recipientAddress, string? inReplyToMessageId, CancellationToken cancellationToken);

    /// <summary>
    /// Optional: reads in one query how many acknowledgements each of <paramref name="addresses"/> received in the last hour,
    /// so that <see cref="QueueAcknowledgementAsync"/> on the same context need not ask again for each message of a batch.
    /// </summary>
    Task PrepareAcknowledgementsAsync(CpsDbContext db, IReadOnlyCollection<string> addresses, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Queues a public reply written on the ticket, threaded on the ticket's known Message-IDs.</summary>
    Task QueueReplyAsync(CpsDbContext db, Guid ticketId, Guid ticketMessageId, CancellationToken cancellationToken);

    /// <summary>
    /// Asks for delivery now rather than at the next recurring run; call it once the queued mail is committed
    /// (a run that starts before the commit simply finds nothing and the recurring run delivers it). Optional: by default nothing,
    /// and the recurring delivery run sends the mail.
    /// </summary>
    void DeliverSoon() { }
}
