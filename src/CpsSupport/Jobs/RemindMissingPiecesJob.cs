using CpsSupport.Features.Requests;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace CpsSupport.Jobs;

/// <summary>Every business morning: requests waiting for pieces are reminded, or closed past the delay (see <see cref="RequestService"/>).</summary>
public sealed class RemindMissingPiecesJob(RequestService requests, ILogger<RemindMissingPiecesJob> logger)
{
    // Two instances may fire the same schedule: the lock keeps one run at a time, the row locks and re-checks make a rerun harmless.
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken ct)
    {
        var run = await requests.RemindAndCloseMissingPiecesAsync(ct);
        logger.LogInformation("{Reminded} request(s) reminded, {Closed} closed for missing pieces", run.Reminded, run.Closed);
    }
}
