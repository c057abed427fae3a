using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Calendar;
using CpsSupport.Features.Documents;
using CpsSupport.Features.Mail;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace CpsSupport.Tests.Features.Mail;

/// <summary>
/// Both halves of the support mailbox on a test database and a test clock, wired as in the application.
/// Outgoing: the repository's mail templates, the real <see cref="Outbox"/>, the agents' <see cref="Tickets"/> queuing
/// replies through it, and <see cref="Delivery"/> on the sink of the options (a real SMTP server on loopback, or a folder).
/// Incoming: <see cref="Ingestion"/>, <see cref="Fetcher"/> on the source of the options (a folder, or a private Dovecot
/// over IMAP) and <see cref="Supervision"/>. Ingestion hands its acknowledgements to a recording outbox
/// (<see cref="Acknowledgements"/>) so that ingestion tests need no templates; <see cref="IngestionThrough"/> gives one on
/// another outbox (the real one, or none).
/// </summary>
public sealed class MailWorld : IAsyncDisposable
{
    /// <summary>The desk's domain in the outgoing worlds (<see cref="WithSmtpAsync"/>, <see cref="WithFolderSinkAsync"/>).</summary>
    public const string Domain = "desk.cpssupport.test";

    private readonly TemplateStore _templates;
    private readonly TicketSla _sla = new(BusinessCalendar.Default);
    private readonly RecordingMailOutbox _recording = new();

    private MailWorld(TestDatabase database, MailOptions options, TestDovecot? dovecot)
    {
        Database = database;
        Options = options;
        Dovecot = dovecot;
        Clock = new MutableClock(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        Factory = new TestDbContextFactory(database, Clock);
        _templates = new TemplateStore(Microsoft.Extensions.Options.Options.Create(new DocumentOptions { TemplatesRoot = Path.Combine(RepositoryRoot.Path, "templates") }));
        Renderer = new MailTemplateRenderer(_templates);
        Outbox = new MailOutbox(Renderer, Microsoft.Extensions.Options.Options.Create(options), Clock);
        Tickets = new TicketService(Factory, Clock, new SystemActor("Camille Martin"), _sla, Outbox);
        Ingestion = IngestionThrough([_recording], Hooks);
        Fetcher = new MailFetcher(Factory, Ingestion, Clock, Microsoft.Extensions.Options.Options.Create(options), NullLogger<MailFetcher>.Instance);
        Supervision = new MailSupervisionService(Factory, Ingestion, Clock);
    }

    public TestDatabase Database { get; }
    public MailOptions Options { get; }
    public MutableClock Clock { get; }
    public TestDbContextFactory Factory { get; }
    public AccessScope Desk { get; } = new(Guid.NewGuid(), true, false, new HashSet<Guid>());
    public AccessScope Supervisor { get; } = new(Guid.NewGuid(), true, true, new HashSet<Guid>());

    public MailTemplateRenderer Renderer { get; }
    public MailOutbox Outbox { get; }
    public TicketService Tickets { get; }

    /// <summary>The acknowledgements ingestion asked for (see <see cref="RecordingMailOutbox"/>).</summary>
    public IReadOnlyList<(Guid TicketId, string Recipient, string? InReplyTo)> Acknowledgements => _recording.Acknowledgements;

    public FaultyHooks Hooks { get; } = new();
    public MailIngestionService Ingestion { get; }
    public MailFetcher Fetcher { get; }
    public MailSupervisionService Supervision { get; }
    public TestDovecot? Dovecot { get; }
    public TestDovecot Imap => Dovecot ?? throw new InvalidOperationException("This world has no Dovecot.");

    /// <summary>A world on the default options (folder source and sink), changed by <paramref name="configure"/>.</summary>
    public static Task<MailWorld> CreateAsync(Action<MailOptions>? configure = null) => CreateAsync(configure, dovecot: null);

    /// <summary>A world reading a fresh Dovecot account over IMAP on loopback.</summary>
    public static async Task<MailWorld> WithDovecotAsync(Action<MailOptions>? configure = null, string? dovecotConfig = null)
    {
        var dovecot = await TestDovecot.StartAsync(dovecotConfig);
        return await CreateAsync(o =>
        {
            o.Source = "Imap";
            o.Imap.Host = "127.0.0.1";
            o.Imap.Port = dovecot.Port;
            o.Imap.Security = "None";
            o.Imap.User = TestDovecot.User;
            o.Imap.Password = TestDovecot.Password;
            configure?.Invoke(o);
        }, dovecot);
    }

    /// <summary>A world delivering through SMTP on loopback, port <paramref name="smtpPort"/>, from the desk's <see cref="Domain"/>.</summary>
    public static Task<MailWorld> WithSmtpAsync(int smtpPort, int maxAttempts = 5) =>
        CreateAsync(o =>
        {
            FromDesk(o);
            o.Sink = "Smtp";
            o.Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtpPort, Security = "None" };
            o.Limits.MaxAttempts = maxAttempts;
        });

    /// <summary>A world delivering <c>.eml</c> files into <paramref name="folder"/>, from the desk's <see cref="Domain"/>.</summary>
    public static Task<MailWorld> WithFolderSinkAsync(string folder) =>
        CreateAsync(o =>
        {
            FromDesk(o);
            o.Sink = "Folder";
            o.Folder.Sent = folder;
        });

    private static void FromDesk(MailOptions options)
    {
        options.MessageIdDomain = Domain;
        options.FromAddress = "support@" + Domain;
    }

    private static async Task<MailWorld> CreateAsync(Action<MailOptions>? configure, TestDovecot? dovecot)
    {
        var options = new MailOptions();
        configure?.Invoke(options);
        return new MailWorld(await TestPostgres.CreateDatabaseAsync(), options, dovecot);
    }

    public CpsDbContext Db() => Database.CreateContext(Clock);

    // Outgoing half.

    public MailDeliveryService Delivery()
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        IMailSink sink = Options.Sink == "Smtp" ? new SmtpMailSink(options) : new FolderMailSink(options);
        return new MailDeliveryService(Factory, sink, options, Clock, NullLogger<MailDeliveryService>.Instance);
    }

    public OutgoingMailService Admin(ICurrentActor actor) => new(Factory, Clock, actor);

    /// <summary>
    /// A ticket opened by a requester's mail, as the inbound half records it: the incoming message with its Message-ID.
    /// </summary>
    public async Task<(Guid Id, string Number)> TicketFromMailAsync(string requesterEmail, string requesterMessageId, string subject = "Carte CPS bloquée")
    {
        var created = await Tickets.CreateAsync(Desk, new NewTicket(subject, TicketChannel.Mail, TicketCategory.Other,
            RequesterName: "Hélène Durand", RequesterEmail: requesterEmail));
        await using var db = Db();
        db.TicketMessages.Add(new TicketMessage
        {
            TicketId = created.Id, Kind = TicketMessageKind.IncomingMail, Body = "Bonjour, ma carte est bloquée depuis ce matin.",
            AuthorName = "Hélène Durand", MessageId = requesterMessageId, CreatedAt = Clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        return (created.Id, created.Number);
    }

    public async Task<List<OutgoingMail>> OutboxAsync()
    {
        await using var db = Db();
        return await db.OutgoingMails.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync();
    }

    public async Task<TicketMessage> MessageAsync(Guid id)
    {
        await using var db = Db();
        return await db.TicketMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    // Incoming half.

    /// <summary>An ingestion service of this world handing its acknowledgements to <paramref name="outboxes"/> (the last one; none: quarantine).</summary>
    public MailIngestionService IngestionThrough(IEnumerable<IMailOutbox> outboxes, MailIngestionHooks? hooks = null) =>
        new(Factory, Clock, _sla, new TicketService(Factory, Clock, new SystemActor("Courriel entrant"), _sla), outboxes, new FilledFormReader(Clock),
            Microsoft.Extensions.Options.Options.Create(Options), hooks ?? new MailIngestionHooks(), NullLogger<MailIngestionService>.Instance);

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

    /// <summary>
    /// A delivery status notification (RFC 3464) from a mailer daemon: mail to <paramref name="failed"/> failed for good
    /// (5.1.1), quoting the headers of the original message.
    /// </summary>
    public static MimeMessage Bounce(string failed, string? originalMessageId = null)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@mx.example"));
        message.To.Add(MailboxAddress.Parse("support@cpssupport.test"));
        message.Subject = "Undelivered Mail Returned to Sender";
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("mx.example");
        var report = new MultipartReport("delivery-status");
        report.Add(new TextPart("plain") { Text = $"This is the mail system at host mx.example.\n\n<{failed}>: host said: 550 5.1.1 User unknown" });
        var status = new MessageDeliveryStatus();
        status.StatusGroups.Add(new HeaderList { { "Reporting-MTA", "dns; mx.example" } });
        status.StatusGroups.Add(new HeaderList { { "Final-Recipient", $"rfc822; {failed}" }, { "Action", "failed" }, { "Status", "5.1.1" } });
        report.Add(status);
        var original = new MimeMessage();
        original.From.Add(MailboxAddress.Parse("support@cpssupport.test"));
        original.To.Add(MailboxAddress.Parse(failed));
        original.Subject = "Accusé de réception";
        original.MessageId = originalMessageId ?? "ack-1@cpssupport.test";
        original.Body = new TextPart("plain") { Text = "Votre demande a été enregistrée." };
        report.Add(new TextRfc822Headers { Message = original });
        message.Body = report;
        return message;
    }

    public async ValueTask DisposeAsync()
    {
        _templates.Dispose();
        if (Dovecot is not null) await Dovecot.DisposeAsync();
        await Database.DisposeAsync();
    }
}
