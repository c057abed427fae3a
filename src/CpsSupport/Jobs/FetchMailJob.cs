using CpsSupport.Features.Mail;
using Hangfire;

namespace CpsSupport.Jobs;

/// <summary>Every <see cref="ImapOptions.PollSeconds"/> (and when IMAP IDLE reports new mail): reads the support mailbox.</summary>
public sealed class FetchMailJob(MailFetcher fetcher)
{
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken ct) => await fetcher.FetchAsync(ct);
}
