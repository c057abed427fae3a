using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Calendar;
using CpsSupport.Features.Documents;
using CpsSupport.Features.Mail;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CpsSupport.Tests.Features.Mail;

/// <summary>
/// A test database, the repository's mail templates, the outbox and the ticket service wired as in the application, and
/// the delivery service on the given sink (a real SMTP server on loopback, or a folder). Time is a test clock.
/// </summary>
public sealed class MailWorld : IAsyncDisposable
{
    public const string Domain = "desk.cpssupport.test";
    private readonly TemplateStore _templates;

    private MailWorld(TestDatabase database, MailOptions options)
    {
        Database = database;
        Options = options;
        Clock = new MutableClock(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(1)));
        Factory = new TestDbContextFactory(database, Clock);
        _templates = new TemplateStore(Microsoft.Extensions.Options.Options.Create(new DocumentOptions { TemplatesRoot = Path.Combine(RepositoryRoot.Path, "templates") }));
        Renderer = new MailTemplateRenderer(_templates);
        Outbox = new MailOutbox(Renderer, Microsoft.Extensions.Options.Options.Create(options), Clock);
        Tickets = new TicketService(Factory, Clock, new SystemActor("Camille Martin"), new TicketSla(BusinessCalendar.Default), Outbox);
    }

    public TestDatabase Database { get; }
    public MailOptions Options { get; }
    public MutableClock Clock { get; }
    public TestDbContextFactory Factory { get; }
    public MailTemplateRenderer Renderer { get; }
    public MailOutbox Outbox { get; }
    public TicketService Tickets { get; }
    public AccessScope Desk { get; } = new(Guid.NewGuid(), true, false, new HashSet<Guid>());
    public AccessScope Supervisor { get; } = new(Guid.NewGuid(), true, true, new HashSet<Guid>());

    /// <summary>Delivery through SMTP on loopback, port <paramref name="smtpPort"/>.</summary>
    public static Task<MailWorld> WithSmtpAsync(int smtpPort, int maxAttempts = 5) =>
        CreateAsync(new MailOptions
        {
            Sink = "Smtp", MessageIdDomain = Domain, FromAddress = "support@" + Domain,
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtpPort, Security = "None" },
            Limits = new MailLimits { MaxAttempts = maxAttempts, AcknowledgementsPerSenderPerHour = 3 },
        });

    public static Task<MailWorld> WithFolderAsync(string folder) =>
        CreateAsync(new MailOptions { Sink = "Folder", MessageIdDomain = Domain, FromAddress = "support@" + Domain, Folder = new MailFolderOptions { Sent = folder } });

    private static async Task<MailWorld> CreateAsync(MailOptions options) => new(await TestPostgres.CreateDatabaseAsync(), options);

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
        await using var db = Database.CreateContext(Clock);
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
        await using var db = Database.CreateContext(Clock);
        return await db.OutgoingMails.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync();
    }

    public async Task<TicketMessage> MessageAsync(Guid id)
    {
        await using var db = Database.CreateContext(Clock);
        return await db.TicketMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public async ValueTask DisposeAsync()
    {
        _templates.Dispose();
        await Database.DisposeAsync();
    }
}
