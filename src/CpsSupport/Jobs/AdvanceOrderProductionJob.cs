using CpsSupport.Features.Orders;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace CpsSupport.Jobs;

/// <summary>Every business morning: the lines of validated orders move through the simulated production (see <see cref="OrderService.RunProductionAsync"/>).</summary>
public sealed class AdvanceOrderProductionJob(OrderService orders, ILogger<AdvanceOrderProductionJob> logger)
{
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken ct)
    {
        var run = await orders.RunProductionAsync(ct);
        logger.LogInformation("Simulated production: {Lines} card line(s) advanced, {Completed} order(s) completed", run.LinesAdvanced, run.OrdersCompleted);
    }
}
