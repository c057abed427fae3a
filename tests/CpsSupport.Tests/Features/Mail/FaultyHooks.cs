using CpsSupport.Features.Mail;

namespace CpsSupport.Tests.Features.Mail;

/// <summary>Hooks that fail on purpose: a message whose subject contains POISON throws, and a crash after a commit.</summary>
public sealed class FaultyHooks : MailIngestionHooks
{
    public int CrashAfterCommits { get; set; } = -1;
    private int _commits;

    public override void OnParsed(ParsedMail mail)
    {
        if (mail.Subject.Contains("POISON", StringComparison.Ordinal)) throw new InvalidOperationException("poison message (test)");
    }

    public override Task AfterCommitAsync(IReadOnlyList<RawMail> committed, CancellationToken ct)
    {
        if (Interlocked.Increment(ref _commits) == CrashAfterCommits) throw new IOException("simulated crash after commit, before the IMAP flag");
        return Task.CompletedTask;
    }
}
