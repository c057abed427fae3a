using CpsSupport.Data;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Tickets;

/// <summary>
/// Flags open tickets past their resolution due date: marks them escalated, raises their priority to at least
/// "Haute" and writes the escalation on their timeline. A ticket is escalated once per due date (safe to rerun).
/// </summary>
public sealed class TicketEscalationService(IDbContextFactory<CpsDbContext> dbFactory, TimeProvider clock)
{
    public const int BatchSize = 500;

    public async Task<int> EscalateOverdueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var total = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var batch = await db.Tickets
                .Where(t => t.ResolutionDueAt != null && t.ResolutionDueAt < now && t.EscalatedAt == null
                    && t.State != TicketState.Resolved && t.State != TicketState.Closed && t.State != TicketState.WaitingForRequester
                    && t.MergedIntoId == null)
                .OrderBy(t => t.ResolutionDueAt).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) return total;
            foreach (var ticket in batch)
            {
                ticket.EscalatedAt = now;
                var raised = ticket.Priority is TicketPriority.Low or TicketPriority.Normal;
                if (raised) ticket.Priority = TicketPriority.High;
                ticket.Events.Add(new TicketEvent
                {
                    Kind = TicketEventKind.Escalated, At = now, Actor = "système",
                    Text = $"Délai de résolution dépassé (échéance {ticket.ResolutionDueAt:dd/MM/yyyy HH:mm} UTC)" + (raised ? " : priorité passée à Haute" : ""),
                });
            }
            try
            {
                await db.SaveChangesAsync(ct);
                total += batch.Count;
            }
            catch (DbUpdateConcurrencyException)
            {
                // An agent saved one of them meanwhile: the next pass picks up whatever is still overdue.
            }
        }
    }
}
