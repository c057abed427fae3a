using CpsSupport.Data;
using CpsSupport.Features.Calendar;
using CpsSupport.Features.Documents;
using CpsSupport.Features.Mail;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

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

/// <summary>A test database, the ingestion services on a fake clock, a recording outbox; optionally a Dovecot account.</summary>
public sealed class MailIngestionWorld : IAsyncDisposable
{
    private MailIngestionWorld(TestDatabase database, MailOptions options)
    {
        Database = database;
        Options = options;
        Clock = new MutableClock(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        Factory = new TestDbContextFactory(database, Clock);
        var sla = new TicketSla(BusinessCalendar.Default);
        var tickets = new TicketService(Factory, Clock, new SystemActor("Courriel entrant"), sla);
        Ingestion = new MailIngestionService(Factory, Clock, sla, tickets, [Outbox], new FilledFormReader(Clock), Microsoft.Extensions.Options.Options.Create(options),
            Hooks, NullLogger<MailIngestionService>.Instance);
        Fetcher = new MailFetcher(Factory, Ingestion, Clock, Microsoft.Extensions.Options.Options.Create(options), NullLogger<MailFetcher>.Instance);
        Supervision = new MailSupervisionService(Factory, Ingestion, Clock);
    }

    public TestDatabase Database { get; }
    public MailOptions Options { get; }
    public MutableClock Clock { get; }
    public TestDbContextFactory Factory { get; }
    public RecordingMailOutbox Outbox { get; } = new();
    public FaultyHooks Hooks { get; } = new();
    public MailIngestionService Ingestion { get; }
    public MailFetcher Fetcher { get; }
    public MailSupervisionService Supervision { get; }
    public TestDovecot? Dovecot { get; private set; }
    public TestDovecot Imap => Dovecot ?? throw new InvalidOperationException("This world has no Dovecot.");

    public static async Task<MailIngestionWorld> CreateAsync(Action<MailOptions>? configure = null)
    {
        var options = new MailOptions { Source = "Folder" };
        configure?.Invoke(options);
        return new MailIngestionWorld(await TestPostgres.CreateDatabaseAsync(), options);
    }

    /// <summary>A world reading a fresh Dovecot account over IMAP on loopback.</summary>
    public static async Task<MailIngestionWorld> WithDovecotAsync(Action<MailOptions>? configure = null, string? dovecotConfig = null)
    {
        var dovecot = await TestDovecot.StartAsync(dovecotConfig);
        var world = await CreateAsync(o =>
        {
            o.Source = "Imap";
            o.Imap.Host = "127.0.0.1";
            o.Imap.Port = dovecot.Port;
            o.Imap.Security = "None";
            o.Imap.User = TestDovecot.User;
            o.Imap.Password = TestDovecot.Password;
            configure?.Invoke(o);
        });
        world.Dovecot = dovecot;
        return world;
    }

    public CpsDbContext Db() => Database.CreateContext(Clock);

    public async Task<List<Ticket>> TicketsAsync()
    {
        await using var db = Db();
        return await db.Tickets.AsNoTracking().Include(t => t.Messages).ThenInclude(m => m.Attachments).OrderBy(t => t.Number).ToListAsync();
    }

    public async Task<List<InboundMail>> InboundAsync()
    {
        await using var db = Db();
        return await db.InboundMails.AsNoTracking().OrderBy(m => m.ReceivedAt).ThenBy(m => m.Id).ToListAsync();
    }

    /// <summary>Ingests raw messages directly (no mailbox), as one batch.</summary>
    public Task<MailBatchResult> IngestAsync(params byte[][] raws) =>
        Ingestion.IngestAsync(raws.Select((r, i) => new RawMail($"test-{i}", r, r.LongLength)).ToList(), CancellationToken.None);

    public static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }

    /// <summary>An ordinary mail from a person.</summary>
    public static MimeMessage Incoming(string from, string subject, string text, string? messageId = null, string? inReplyTo = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("support@cpssupport.test"));
        message.Subject = subject;
        message.MessageId = messageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId("client.example");
        if (inReplyTo is not null)
        {
            message.InReplyTo = inReplyTo;
            message.References.Add(inReplyTo);
        }
        message.Date = new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    public async ValueTask DisposeAsync()
    {
        if (Dovecot is not null) await Dovecot.DisposeAsync();
        await Database.DisposeAsync();
    }
}
