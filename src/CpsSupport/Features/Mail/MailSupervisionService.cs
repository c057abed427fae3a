using System.Text;
using CpsSupport.Data;
using CpsSupport.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Mail;

public sealed record MailboxStatus(string Source, DateTimeOffset? LastFetchAt, DateTimeOffset? LastSuccessAt, string? LastError, int Backlog, int LastFetchCount,
    int Quarantined, int WaitingForSupervisor, int ProcessedLast24Hours);

public sealed record QuarantinedMail(Guid Id, DateTimeOffset ReceivedAt, string? FromAddress, string? Subject, long Size, string? SourceRef,
    string? Error, int Attempts, DateTimeOffset? NextAttemptAt, bool HasRaw);

/// <summary>The supervisor's view of the mailbox: status, quarantine, raw messages, reprocess and discard (audited).</summary>
public sealed class MailSupervisionService(IDbContextFactory<CpsDbContext> dbFactory, MailIngestionService ingestion, TimeProvider clock)
{
    private const int RawViewLimit = 512 * 1024;

    public async Task<MailboxStatus> StatusAsync(AccessScope scope, string source, CancellationToken ct = default)
    {
        RequireSupervisor(scope);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = source.Equals("Imap", StringComparison.OrdinalIgnoreCase) ? "Imap" : "Folder";
        var state = await db.MailboxStates.AsNoTracking().SingleOrDefaultAsync(s => s.Source == key, ct);
        var since = clock.GetUtcNow().AddHours(-24);
        var quarantined = await db.InboundMails.CountAsync(m => m.Status == InboundMailStatus.Quarantined, ct);
        var waiting = await db.InboundMails.CountAsync(m => m.Status == InboundMailStatus.Quarantined && m.NextAttemptAt == null, ct);
        var processed = await db.InboundMails.CountAsync(m => m.Status == InboundMailStatus.Processed && m.ProcessedAt >= since, ct);
        return new MailboxStatus(key, state?.LastFetchAt, state?.LastSuccessAt, state?.LastError, state?.Backlog ?? 0, state?.LastFetchCount ?? 0,
            quarantined, waiting, processed);
    }

    public async Task<IReadOnlyList<QuarantinedMail>> QuarantineAsync(AccessScope scope, CancellationToken ct = default)
    {
        RequireSupervisor(scope);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InboundMails.AsNoTracking().Where(m => m.Status == InboundMailStatus.Quarantined)
            .OrderByDescending(m => m.ReceivedAt).Take(200)
            .Select(m => new QuarantinedMail(m.Id, m.ReceivedAt, m.FromAddress, m.Subject, m.Size, m.SourceRef, m.Error, m.Attempts, m.NextAttemptAt, m.RawSha256 != null))
            .ToListAsync(ct);
    }

    /// <summary>The raw message as text (shown escaped, never rendered), cut at 512 Kio.</summary>
    public async Task<string?> RawAsync(AccessScope scope, Guid id, CancellationToken ct = default)
    {
        RequireSupervisor(scope);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sha = await db.InboundMails.Where(m => m.Id == id).Select(m => m.RawSha256).SingleOrDefaultAsync(ct);
        if (sha is null) return null;
        var content = await db.StoredFiles.Where(f => f.Sha256 == sha).Select(f => f.Content).SingleAsync(ct);
        var text = Encoding.Latin1.GetString(content, 0, Math.Min(content.Length, RawViewLimit));
        return content.Length > RawViewLimit ? text + "\n[… tronqué]" : text;
    }

    /// <summary>Processes the message again now; true when it became a ticket (or a message of one).</summary>
    public async Task<bool> ReprocessAsync(AccessScope scope, Guid id, CancellationToken ct = default)
    {
        RequireSupervisor(scope);
        return await ingestion.ReprocessAsync(id, ct);
    }

    public async Task DiscardAsync(AccessScope scope, Guid id, CancellationToken ct = default)
    {
        RequireSupervisor(scope);
        await ingestion.DiscardAsync(id, ct);
    }

    private static void RequireSupervisor(AccessScope scope)
    {
        if (!scope.IsSupervisor) throw new MailException("La supervision de la boîte de courriel est réservée aux superviseurs.");
    }
}
