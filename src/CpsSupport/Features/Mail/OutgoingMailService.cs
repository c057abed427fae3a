using System.Text.Json;
using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Mail;

public sealed record OutgoingMailRow(
    Guid Id, OutgoingMailKind Kind, OutgoingMailStatus Status, Guid? TicketId, string? TicketNumber, string ToAddress, string Subject,
    int Attempts, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? SentAt, string? LastError);

public sealed record OutgoingMailCounts(int Pending, int Sending, int Sent, int Failed);

/// <summary>A supervisor's action on the outbox was refused; the message is French.</summary>
public sealed class OutgoingMailException(string message) : Exception(message);

/// <summary>The supervisors' view of the outbox: what waits, what went, what failed and why, and the retry of a failed mail.</summary>
public sealed class OutgoingMailService(IDbContextFactory<CpsDbContext> dbFactory, TimeProvider clock, ICurrentActor actor)
{
    public const int PageSize = 200;

    public async Task<OutgoingMailCounts> CountAsync(AccessScope scope, CancellationToken ct = default)
    {
        RequireSupervisor(scope);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.OutgoingMails.AsNoTracking().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        int Of(OutgoingMailStatus s) => counts.GetValueOrDefault(s);
        return new OutgoingMailCounts(Of(OutgoingMailStatus.Pending), Of(OutgoingMailStatus.Sending), Of(OutgoingMailStatus.Sent), Of(OutgoingMailStatus.Failed));
    }

    /// <summary>The most recent mails of <paramref name="status"/> (pending ones include those being sent), newest first.</summary>
    public async Task<IReadOnlyList<OutgoingMailRow>> ListAsync(AccessScope scope, OutgoingMailStatus status, CancellationToken ct = default)
    {
        RequireSupervisor(scope);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.OutgoingMails.AsNoTracking();
        query = status == OutgoingMailStatus.Pending
            ? query.Where(m => m.Status == OutgoingMailStatus.Pending || m.Status == OutgoingMailStatus.Sending)
            : query.Where(m => m.Status == status);
        return await query.OrderByDescending(m => m.CreatedAt).Take(PageSize)
            .Select(m => new OutgoingMailRow(m.Id, m.Kind, m.Status, m.TicketId, db.Tickets.Where(t => t.Id == m.TicketId).Select(t => t.Number).FirstOrDefault(),
                m.ToAddress, m.Subject, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.LastAttemptAt, m.SentAt, m.LastError))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Puts a failed mail back in the queue with a fresh set of attempts, now (supervisors only); the retry is audited with its
    /// last error. A mail that is not failed is left alone.
    /// </summary>
    public async Task RetryAsync(AccessScope scope, Guid id, CancellationToken ct = default)
    {
        RequireSupervisor(scope);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mail = await db.OutgoingMails.SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new OutgoingMailException("Courriel introuvable.");
        if (mail.Status != OutgoingMailStatus.Failed) throw new OutgoingMailException("Seul un courriel en échec peut être renvoyé.");
        var now = clock.GetUtcNow();
        db.AuditEvents.Add(new AuditEvent
        {
            At = now, UserId = actor.UserId, Actor = actor.Name, EntityType = nameof(OutgoingMail), EntityId = mail.Id.ToString(), Action = "Retried",
            Changes = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["Status"] = new { old = mail.Status.ToString(), @new = nameof(OutgoingMailStatus.Pending) },
                ["Attempts"] = new { old = mail.Attempts, @new = 0 },
                ["LastError"] = new { old = mail.LastError },
            }),
        });
        mail.Status = OutgoingMailStatus.Pending;
        mail.Attempts = 0;
        mail.NextAttemptAt = now;
        mail.LockedUntil = null;
        await db.SaveChangesAsync(ct);
    }

    private static void RequireSupervisor(AccessScope scope)
    {
        if (!scope.IsSupervisor) throw new OutgoingMailException("Le suivi des courriels envoyés est réservé aux superviseurs.");
    }
}
