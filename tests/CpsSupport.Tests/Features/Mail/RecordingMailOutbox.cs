using CpsSupport.Data;
using CpsSupport.Features.Mail;

namespace CpsSupport.Tests.Features.Mail;

/// <summary>
/// Test double of the outgoing side (the boundary between the two halves of the mailbox): records the acknowledgements
/// asked for instead of writing an outbox row. It records only when called inside the ingestion's transaction, so a
/// rolled-back batch still shows its calls: tests compare with the committed tickets.
/// </summary>
public sealed class RecordingMailOutbox : IMailOutbox
{
    private readonly List<(Guid TicketId, string Recipient, string? InReplyTo)> _acknowledgements = [];

    public IReadOnlyList<(Guid TicketId, string Recipient, string? InReplyTo)> Acknowledgements
    {
        get { lock (_acknowledgements) return [.. _acknowledgements]; }
    }

    /// <summary>When set, the per-sender limit answer (false = limit reached).</summary>
    public Func<string, bool> Accept { get; set; } = _ => true;

    public Task<bool> QueueAcknowledgementAsync(CpsDbContext db, Guid ticketId, string recipientAddress, string? inReplyToMessageId, CancellationToken cancellationToken)
    {
        if (!Accept(recipientAddress)) return Task.FromResult(false);
        lock (_acknowledgements) _acknowledgements.Add((ticketId, recipientAddress, inReplyToMessageId));
        return Task.FromResult(true);
    }

    public Task QueueReplyAsync(CpsDbContext db, Guid ticketId, Guid ticketMessageId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Replies are the outgoing side's; ingestion never sends one.");
}
