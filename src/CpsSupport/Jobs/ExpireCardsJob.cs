using CpsSupport.Features.Cards;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace CpsSupport.Jobs;

/// <summary>Nightly: cards past their validity date become Expired (see <see cref="CardExpiryService"/>).</summary>
public sealed class ExpireCardsJob(CardExpiryService expiry, ILogger<ExpireCardsJob> logger)
{
    // Two instances may fire the same schedule: the lock keeps one run at a time, the service makes a rerun harmless.
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken ct)
    {
        var count = await expiry.ExpireOverdueAsync(ct);
        logger.LogInformation("{Count} card(s) marked as expired", count);
    }
}
