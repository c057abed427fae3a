namespace CpsSupport.Features.Mail;

/// <summary>
/// A message as read from the mailbox: its raw bytes, or only its headers when it is over
/// <see cref="MailLimits.MaxMessageBytes"/> (then quarantined with a notice, never dropped).
/// </summary>
/// <param name="SourceRef">IMAP UID or file name, shown to the supervisor.</param>
/// <param name="FallbackKey">Dedupe key of an oversized message without Message-ID (its raw bytes are not read).</param>
public sealed record RawMail(string SourceRef, byte[] Content, long Size, bool HeadersOnly = false, string? FallbackKey = null);

/// <summary>What one batch became, counted for the mailbox status.</summary>
public sealed record MailBatchResult(int Processed, int Duplicates, int Ignored, int Quarantined)
{
    public int Total => Processed + Duplicates + Ignored + Quarantined;
    public static MailBatchResult operator +(MailBatchResult a, MailBatchResult b) =>
        new(a.Processed + b.Processed, a.Duplicates + b.Duplicates, a.Ignored + b.Ignored, a.Quarantined + b.Quarantined);
    public static readonly MailBatchResult Empty = new(0, 0, 0, 0);
}

/// <summary>
/// Points where tests inject failures: a message that throws while processed (poison), a crash after the database
/// commit and before the mailbox is flagged. The default does nothing.
/// </summary>
public class MailIngestionHooks
{
    /// <summary>Time per phase, summed over the run, when set (benchmark); null in production.</summary>
    public MailPhaseTimes? Phases { get; set; }

    public virtual void OnParsed(ParsedMail mail)
    {
    }

    public virtual Task AfterCommitAsync(IReadOnlyList<RawMail> committed, CancellationToken ct) => Task.CompletedTask;
}
