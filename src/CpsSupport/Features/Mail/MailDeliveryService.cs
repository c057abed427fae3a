using CpsSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CpsSupport.Features.Mail;

/// <summary>What one delivery run did.</summary>
public sealed record MailDeliveryRun(int Sent, int Retrying, int Failed);

/// <summary>
/// Delivers the outbox. A run first claims due rows in their own committed transaction (status Sending, attempt counted,
/// lease until <see cref="ClaimLease"/> from now; <c>FOR UPDATE SKIP LOCKED</c>, so two runs never take the same row), then
/// sends them and marks each one Sent as soon as the server accepted it. A failed attempt waits with an exponential back-off;
/// after <see cref="MailLimits.MaxAttempts"/> the row is Failed, for a supervisor to retry.
/// <para>
/// Delivery is at least once: if the process dies after the server accepted a message and before it is marked Sent, the
/// lease expires and the next run sends it again, with the same Message-ID (receivers and our own ingestion deduplicate on
/// it). Each such crash counts as an attempt, so a message cannot be resent without end.
/// </para>
/// </summary>
public sealed class MailDeliveryService(
    IDbContextFactory<CpsDbContext> dbFactory, IMailSink sink, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailDeliveryService> logger)
{
    /// <summary>How long a claimed row is left to its run before another run may take it over.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    private const int BatchSize = 20;
    private const int MaxBatchesPerRun = 50;
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromHours(1);

    private MailOptions Options => options.Value;

    /// <summary>Sends every due message (pending and past its next attempt, or claimed by a run that never finished).</summary>
    public async Task<MailDeliveryRun> DeliverDueAsync(CancellationToken ct = default)
    {
        int sent = 0, retrying = 0, failed = await FailAbandonedAsync(ct);
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var claimed = await ClaimAsync(ct);
            if (claimed.Count == 0) break;
            var mails = await LoadAsync(claimed, ct);
            IMailSinkSession? session = null;
            try
            {
                session = await sink.OpenAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "Mail server unreachable; {Count} message(s) will be retried", mails.Count);
                foreach (var mail in mails)
                {
                    if (await RecordFailureAsync(mail.Row, e, ct)) failed++; else retrying++;
                }
                break;
            }
            await using (session)
            {
                foreach (var mail in mails)
                {
                    try
                    {
                        await session.SendAsync(mail.Message, ct);
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                    {
                        logger.LogWarning(e, "Mail {MessageId} to {Address} not delivered", mail.Row.MessageId, mail.Row.ToAddress);
                        if (await RecordFailureAsync(mail.Row, e, ct)) failed++; else retrying++;
                        continue;
                    }
                    // Not cancellable: the server has the message, the row must say so.
                    await MarkSentAsync(mail.Row.Id, CancellationToken.None);
                    sent++;
                }
            }
        }
        if (sent + retrying + failed > 0) logger.LogInformation("Mail delivery: {Sent} sent, {Retrying} to retry, {Failed} failed", sent, retrying, failed);
        return new MailDeliveryRun(sent, retrying, failed);
    }

    /// <summary>The message as it goes out: threading headers, automatic-reply markers, the ticket message's files.</summary>
    public MimeMessage Build(OutgoingMail row, IEnumerable<(string FileName, string ContentType, byte[] Content)> attachments)
    {
        ArgumentNullException.ThrowIfNull(row);
        var message = new MimeMessage { Subject = row.Subject, MessageId = row.MessageId, Date = row.CreatedAt };
        message.From.Add(new MailboxAddress(Options.FromName, Options.FromAddress));
        message.To.Add(new MailboxAddress(row.ToName ?? "", row.ToAddress));
        if (row.InReplyTo is not null) message.InReplyTo = row.InReplyTo;
        foreach (var reference in (row.References ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)) message.References.Add(reference);
        if (row.AutoSubmitted)
        {
            // RFC 3834: no auto-responder answers this; Exchange's out-of-office and read receipts are suppressed too.
            message.Headers.Add("Auto-Submitted", "auto-replied");
            message.Headers.Add("X-Auto-Response-Suppress", "All");
        }
        var body = new BodyBuilder { TextBody = row.TextBody };
        foreach (var (fileName, contentType, content) in attachments)
            body.Attachments.Add(fileName, content, ContentType.Parse(contentType));
        message.Body = body.ToMessageBody();
        return message;
    }

    private async Task<List<Guid>> ClaimAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().ToUniversalTime();
        var lease = now + ClaimLease;
        var pending = nameof(OutgoingMailStatus.Pending);
        var sending = nameof(OutgoingMailStatus.Sending);
        return await db.Database.SqlQuery<Guid>($"""
            UPDATE outgoing_mails SET status = {sending}, attempts = attempts + 1, locked_until = {lease}, last_attempt_at = {now}
            WHERE id IN (
                SELECT id FROM outgoing_mails
                WHERE ((status = {pending} AND next_attempt_at <= {now}) OR (status = {sending} AND locked_until < {now}))
                  AND attempts < {Options.Limits.MaxAttempts}
                ORDER BY next_attempt_at
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
    }

    /// <summary>Rows whose run died on their last allowed attempt: nothing will claim them again, so they are Failed.</summary>
    private async Task<int> FailAbandonedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().ToUniversalTime();
        return await db.OutgoingMails
            .Where(m => m.Status == OutgoingMailStatus.Sending && m.LockedUntil < now && m.Attempts >= Options.Limits.MaxAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutgoingMailStatus.Failed)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, "Envoi interrompu (arrêt du serveur pendant l'envoi) au dernier essai."), ct);
    }

    private async Task<List<(OutgoingMail Row, MimeMessage Message)>> LoadAsync(List<Guid> ids, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.OutgoingMails.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        var messageIds = rows.Where(r => r.TicketMessageId is not null).Select(r => r.TicketMessageId!.Value).ToList();
        var files = await db.Attachments.AsNoTracking().Where(a => messageIds.Contains(a.MessageId))
            .Join(db.StoredFiles, a => a.Sha256, f => f.Sha256, (a, f) => new { a.MessageId, a.FileName, a.ContentType, f.Content, a.CreatedAt })
            .OrderBy(x => x.CreatedAt).ToListAsync(ct);
        return rows.Select(r => (r, Build(r, files.Where(f => f.MessageId == r.TicketMessageId).Select(f => (f.FileName, f.ContentType, f.Content))))).ToList();
    }

    private async Task MarkSentAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().ToUniversalTime();
        await db.OutgoingMails.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutgoingMailStatus.Sent)
            .SetProperty(m => m.SentAt, now)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, (string?)null), ct);
    }

    /// <summary>Puts the row back with its next attempt later, or Failed once out of attempts; true when Failed.</summary>
    private async Task<bool> RecordFailureAsync(OutgoingMail row, Exception error, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var now = clock.GetUtcNow().ToUniversalTime();
        // Attempts already counts this one (claimed).
        var exhausted = row.Attempts >= Options.Limits.MaxAttempts;
        var next = now + BackOff(row.Attempts);
        var text = Describe(error);
        await db.OutgoingMails.Where(m => m.Id == row.Id && m.Status == OutgoingMailStatus.Sending).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, exhausted ? OutgoingMailStatus.Failed : OutgoingMailStatus.Pending)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, text), ct);
        return exhausted;
    }

    /// <summary>1, 2, 4, 8… minutes after the n-th failed attempt, at most an hour.</summary>
    public static TimeSpan BackOff(int attempts)
    {
        var minutes = Math.Pow(2, Math.Clamp(attempts - 1, 0, 10));
        return TimeSpan.FromMinutes(Math.Min(minutes, MaxBackOff.TotalMinutes));
    }

    private static string Describe(Exception error)
    {
        var text = $"{error.GetType().Name}: {error.Message}";
        return text.Length <= 2000 ? text : text[..2000];
    }
}
