using CpsSupport.Data;
using CpsSupport.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Tickets;

public sealed record SlaTargetRow(TicketCategory Category, double FirstResponseHours, double ResolutionHours, bool IsDefault, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>The first-response and resolution targets per category, in business hours, set by supervisors.</summary>
public sealed class SlaTargetService(IDbContextFactory<CpsDbContext> dbFactory, TimeProvider clock, ICurrentActor actor)
{
    /// <summary>Longest target a supervisor may set: 30 business days.</summary>
    public const double MaxHours = 30 * SlaPolicy.BusinessDay;

    public async Task<IReadOnlyList<SlaTargetRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var configured = await db.SlaTargets.AsNoTracking().ToDictionaryAsync(t => t.Category, ct);
        return Enum.GetValues<TicketCategory>().Select(c =>
        {
            if (configured.TryGetValue(c, out var t)) return new SlaTargetRow(c, t.FirstResponseHours, t.ResolutionHours, false, t.UpdatedAt, t.UpdatedBy);
            var d = SlaPolicy.Default.For(c);
            return new SlaTargetRow(c, d.FirstResponse.TotalHours, d.Resolution.TotalHours, true, null, null);
        }).ToList();
    }

    /// <summary>
    /// Sets a category's targets (supervisors only). They apply to tickets created or re-categorised afterwards; open
    /// tickets keep the due dates they were given.
    /// </summary>
    public async Task SaveAsync(AccessScope scope, TicketCategory category, double firstResponseHours, double resolutionHours, CancellationToken ct = default)
    {
        if (!scope.IsSupervisor) throw new TicketException("Seuls les superviseurs modifient les délais de traitement.");
        if (firstResponseHours <= 0 || resolutionHours <= 0) throw new TicketException("Les délais doivent être supérieurs à zéro.");
        if (firstResponseHours > resolutionHours) throw new TicketException("Le délai de première réponse ne peut pas dépasser le délai de résolution.");
        if (resolutionHours > MaxHours) throw new TicketException($"Le délai de résolution ne peut pas dépasser {MaxHours} heures ouvrées (30 jours ouvrés).");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await db.SlaTargets.SingleOrDefaultAsync(t => t.Category == category, ct);
        if (target is null) db.SlaTargets.Add(target = new SlaTarget { Category = category });
        target.FirstResponseHours = firstResponseHours;
        target.ResolutionHours = resolutionHours;
        target.UpdatedAt = clock.GetUtcNow();
        target.UpdatedBy = actor.Name;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Back to the default targets of <see cref="SlaPolicy"/>.</summary>
    public async Task ResetAsync(AccessScope scope, TicketCategory category, CancellationToken ct = default)
    {
        if (!scope.IsSupervisor) throw new TicketException("Seuls les superviseurs modifient les délais de traitement.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.SlaTargets.Where(t => t.Category == category).ExecuteDeleteAsync(ct);
    }
}
