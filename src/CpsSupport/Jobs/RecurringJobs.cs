using Hangfire;

namespace CpsSupport.Jobs;

/// <summary>Every recurring schedule of the application, in one place. Times are Paris local time.</summary>
public static class RecurringJobs
{
    public const string ExpireCards = "expire-cards";
    public const string EscalateOverdueTickets = "escalate-overdue-tickets";
    public const string RemindMissingPieces = "remind-missing-pieces";
    public const string DeliverOutgoingMail = "deliver-outgoing-mail";
    public const string AdvanceOrderProduction = "advance-order-production";
    public const string FetchMail = "fetch-mail";

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Adds or updates every schedule; called once at startup by each instance (idempotent).</summary>
    public static void Register(IRecurringJobManager jobs, int mailPollSeconds = 30)
    {
        var options = new RecurringJobOptions { TimeZone = Paris };
        jobs.AddOrUpdate<ExpireCardsJob>(ExpireCards, job => job.RunAsync(CancellationToken.None), Cron.Daily(2), options);
        jobs.AddOrUpdate<EscalateOverdueTicketsJob>(EscalateOverdueTickets, job => job.RunAsync(CancellationToken.None), "*/5 * * * *", options);
        // Weekdays at 09:00, when the desk opens its mail; the service also skips public holidays.
        jobs.AddOrUpdate<RemindMissingPiecesJob>(RemindMissingPieces, job => job.RunAsync(CancellationToken.None), "0 9 * * 1-5", options);
        // Every minute picks up retries and what the immediate run after a reply missed; the outbox tolerates overlapping runs.
        jobs.AddOrUpdate<DeliverOutgoingMailJob>(DeliverOutgoingMail, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), options);
        // Weekdays at 07:00: the simulated card production moves the lines whose day has come.
        jobs.AddOrUpdate<AdvanceOrderProductionJob>(AdvanceOrderProduction, job => job.RunAsync(CancellationToken.None), "0 7 * * 1-5", options);
        // The mailbox every N seconds (Mail:Imap:PollSeconds, default 30); IMAP IDLE triggers it earlier where offered.
        jobs.AddOrUpdate<FetchMailJob>(FetchMail, job => job.RunAsync(CancellationToken.None), PollCron(mailPollSeconds), options);
    }

    /// <summary>A cron for "every N seconds": six fields under a minute, five from a minute up.</summary>
    public static string PollCron(int seconds) => seconds switch
    {
        <= 0 => "*/30 * * * * *",
        < 60 => $"*/{seconds} * * * * *",
        _ => $"*/{Math.Max(1, seconds / 60)} * * * *",
    };
}
