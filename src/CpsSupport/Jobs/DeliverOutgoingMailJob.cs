using CpsSupport.Features.Mail;
using Hangfire;

namespace CpsSupport.Jobs;

/// <summary>Every minute, and right after a reply is queued: the outbox is delivered (see <see cref="MailDeliveryService"/>).</summary>
public sealed class DeliverOutgoingMailJob(MailDeliveryService delivery)
{
    // No Hangfire retry: the outbox counts attempts and backs off itself; two concurrent runs never claim the same row.
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken ct) => delivery.DeliverDueAsync(ct);
}
