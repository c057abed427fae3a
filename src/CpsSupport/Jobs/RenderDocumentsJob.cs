using CpsSupport.Features.Access;
using CpsSupport.Features.Documents;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace CpsSupport.Jobs;

/// <summary>Bulk rendering of documents (letters for many requests at once), off the agent's circuit (see <see cref="DocumentService.GenerateBatchAsync"/>).</summary>
public sealed class RenderDocumentsJob(DocumentService documents, ILogger<RenderDocumentsJob> logger)
{
    /// <summary>Queues a batch ordered by a desk agent; portal users may not.</summary>
    /// <exception cref="DocumentException">The user is not desk staff.</exception>
    public static string Enqueue(IBackgroundJobClient jobs, AccessScope scope, string requestedBy, IReadOnlyList<DocumentOrder> orders)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        if (!scope.IsDesk) throw new DocumentException("Seul le service support génère des documents.");
        var batch = orders.ToArray();
        return jobs.Enqueue<RenderDocumentsJob>(job => job.RunAsync(batch, requestedBy, CancellationToken.None));
    }

    // A Chromium crash that outlives the renderer's own retry fails the attempt; stored documents are reused by the next one.
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = new[] { 1, 30, 300 })]
    public async Task RunAsync(DocumentOrder[] orders, string requestedBy, CancellationToken ct)
    {
        var results = await documents.GenerateBatchAsync(orders, requestedBy, ct);
        logger.LogInformation("{Count} document(s) rendered for {RequestedBy}, {Reused} already stored", results.Count, requestedBy, results.Count(r => r.Reused));
    }
}
