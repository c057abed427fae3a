using CpsSupport.Features.Tickets;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace CpsSupport.Jobs;

/// <summary>Every five minutes: overdue tickets are flagged and escalated (see <see cref="TicketEscalationService"/>).</summary>
public sealed class EscalateOverdueTicketsJob(TicketEscalationService escalation, ILogger<EscalateOverdueTicketsJob> logger)
{
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken ct)
    {
        var count = await escalation.EscalateOverdueAsync(ct);
        if (count > 0) logger.LogInformation("{Count} overdue ticket(s) escalated", count);
    }
}
