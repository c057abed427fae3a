using CpsSupport.Data;
using CpsSupport.Features.Tickets;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CpsSupport.Features.Mail;

/// <summary>
/// Renders a mail when it is queued and adds it to the caller's context with the ticket message that records it
/// (Message-ID included, so that an answer to it threads back on the ticket). Delivery is <see cref="MailDeliveryService"/>'s.
/// </summary>
public sealed class MailOutbox(
    MailTemplateRenderer templates, IOptions<MailOptions> options, TimeProvider clock, IBackgroundJobClient? jobs = null) : IMailOutbox
{
    /// <summary>Author name of the acknowledgement on the ticket's timeline.</summary>
    public const string AcknowledgementAuthor = "Accusé de réception automatique";

    /// <summary>Threading headers keep the most recent Message-IDs only: some servers refuse very long headers.</summary>
    private const int MaxReferences = 20;

    private MailOptions Options => options.Value;

    /// <summary>Acknowledgements per address in the last hour for one context, saved or queued on it (<see cref="PrepareAcknowledgementsAsync"/>).</summary>
    private (CpsDbContext Db, DateTimeOffset Since, Dictionary<string, int> Counts)? _prepared;

    /// <inheritdoc />
    public async Task PrepareAcknowledgementsAsync(CpsDbContext db, IReadOnlyCollection<string> addresses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(addresses);
        var normalized = addresses.Select(NormalizeAddress).Distinct(StringComparer.Ordinal).ToList();
        var since = clock.GetUtcNow().AddHours(-1);
        var counts = await db.OutgoingMails.AsNoTracking()
            .Where(m => normalized.Contains(m.ToAddress) && m.Kind == OutgoingMailKind.Acknowledgement && m.CreatedAt > since)
            .GroupBy(m => m.ToAddress).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken);
        foreach (var address in normalized) counts.TryAdd(address, 0);
        // Those the context holds but has not saved yet count too.
        foreach (var queued in db.OutgoingMails.Local.Where(m => m.Kind == OutgoingMailKind.Acknowledgement && db.Entry(m).State == EntityState.Added))
            if (counts.ContainsKey(queued.ToAddress)) counts[queued.ToAddress]++;
        _prepared = (db, since, counts);
    }

    /// <inheritdoc />
    public async Task<bool> QueueAcknowledgementAsync(CpsDbContext db, Guid ticketId, string recipientAddress, string? inReplyToMessageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var address = NormalizeAddress(recipientAddress);
        var now = clock.GetUtcNow();
        var since = now.AddHours(-1);
        var prepared = _prepared is { } p && ReferenceEquals(p.Db, db) && p.Counts.ContainsKey(address) ? p.Counts : null;
        // Saved rows of the last hour, plus those this context is about to save.
        var sent = prepared is not null ? prepared[address] : await db.OutgoingMails.CountAsync(m => m.ToAddress == address && m.Kind == OutgoingMailKind.Acknowledgement && m.CreatedAt > since, cancellationToken)
            + db.OutgoingMails.Local.Count(m => m.ToAddress == address && m.Kind == OutgoingMailKind.Acknowledgement && db.Entry(m).State == EntityState.Added);
        if (sent >= Options.Limits.AcknowledgementsPerSenderPerHour) return false;

        var ticket = await db.Tickets.FindAsync([ticketId], cancellationToken) ?? throw new InvalidOperationException($"Ticket {ticketId} not found.");
        var mailTicket = ToMailTicket(ticket);
        var rendered = await templates.RenderAsync("mail/acknowledgement", mailTicket, new AcknowledgementMail(mailTicket, Options.FromName), cancellationToken);
        var inReplyTo = Unbracket(inReplyToMessageId);
        // A ticket this context is creating has no saved message yet: nothing to ask the database.
        var known = db.Entry(ticket).State == EntityState.Added ? [] : await KnownMessageIdsAsync(db, ticket.Id, cancellationToken);
        if (inReplyTo is not null && !known.Contains(inReplyTo)) known.Add(inReplyTo);
        var message = new TicketMessage
        {
            TicketId = ticket.Id, Kind = TicketMessageKind.PublicReply, Body = rendered.Body, AuthorName = AcknowledgementAuthor, CreatedAt = now,
            MessageId = NewMessageId(),
        };
        db.TicketMessages.Add(message);
        db.OutgoingMails.Add(NewMail(OutgoingMailKind.Acknowledgement, ticket, message, address, rendered, inReplyTo ?? known.LastOrDefault(), known, now, autoSubmitted: true));
        if (prepared is not null) prepared[address]++;
        return true;
    }

    /// <inheritdoc />
    public async Task QueueReplyAsync(CpsDbContext db, Guid ticketId, Guid ticketMessageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (ticket, message) = await LoadAsync(db, ticketId, ticketMessageId, cancellationToken);
        var mailTicket = ToMailTicket(ticket);
        var rendered = await templates.RenderAsync("mail/reply", mailTicket, new ReplyMail(mailTicket, message.Body, message.AuthorName, Options.FromName), cancellationToken);
        await QueueOnMessageAsync(db, OutgoingMailKind.Reply, ticket, message, rendered, cancellationToken);
    }

    /// <summary>
    /// Queues a notification the desk sends on its own, rendered from <paramref name="templateName"/> with <paramref name="model"/>,
    /// as the mail of the ticket message <paramref name="ticketMessageId"/> (already added to <paramref name="db"/>). Nothing is
    /// queued when the ticket has no requester address.
    /// </summary>
    public async Task<bool> QueueNotificationAsync(CpsDbContext db, Guid ticketId, Guid ticketMessageId, string templateName, Func<MailTicket, string, object> model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(model);
        var (ticket, message) = await LoadAsync(db, ticketId, ticketMessageId, cancellationToken);
        if (ticket.RequesterEmail is null) return false;
        var mailTicket = ToMailTicket(ticket);
        var rendered = await templates.RenderAsync(templateName, mailTicket, model(mailTicket, Options.FromName), cancellationToken);
        await QueueOnMessageAsync(db, OutgoingMailKind.Notification, ticket, message, rendered, cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public void DeliverSoon()
    {
        // The recurring run delivers anyway; this only saves the wait when a Hangfire client is there.
        jobs?.Enqueue<Jobs.DeliverOutgoingMailJob>(job => job.RunAsync(CancellationToken.None));
    }

    private async Task QueueOnMessageAsync(CpsDbContext db, OutgoingMailKind kind, Ticket ticket, TicketMessage message, RenderedMail rendered, CancellationToken ct)
    {
        var address = ticket.RequesterEmail is { Length: > 0 } email ? NormalizeAddress(email)
            : throw new InvalidOperationException($"Ticket {ticket.Number} has no requester address.");
        var known = await KnownMessageIdsAsync(db, ticket.Id, ct);
        known.Remove(message.MessageId ?? "");
        // Threaded on the requester's last mail when there is one, else on the last message the desk sent.
        var requesterLast = await db.TicketMessages.AsNoTracking()
            .Where(m => m.TicketId == ticket.Id && m.Kind == TicketMessageKind.IncomingMail && m.MessageId != null)
            .OrderByDescending(m => m.CreatedAt).Select(m => m.MessageId).FirstOrDefaultAsync(ct);
        message.MessageId ??= NewMessageId();
        db.OutgoingMails.Add(NewMail(kind, ticket, message, address, rendered, Unbracket(requesterLast) ?? known.LastOrDefault(), known, clock.GetUtcNow(), autoSubmitted: false));
    }

    private OutgoingMail NewMail(OutgoingMailKind kind, Ticket ticket, TicketMessage message, string address, RenderedMail rendered, string? inReplyTo, List<string> references, DateTimeOffset now, bool autoSubmitted)
    {
        if (inReplyTo is not null && !references.Contains(inReplyTo)) references.Add(inReplyTo);
        return new OutgoingMail
        {
            Kind = kind, TicketId = ticket.Id, TicketMessageId = message.Id, ToAddress = address, ToName = ticket.RequesterName,
            Subject = rendered.Subject, TextBody = rendered.Body, MessageId = message.MessageId!, InReplyTo = inReplyTo,
            References = references.Count == 0 ? null : string.Join(' ', references.TakeLast(MaxReferences)),
            AutoSubmitted = autoSubmitted, NextAttemptAt = now, CreatedAt = now,
        };
    }

    private static async Task<(Ticket Ticket, TicketMessage Message)> LoadAsync(CpsDbContext db, Guid ticketId, Guid ticketMessageId, CancellationToken ct)
    {
        // Find sees the entities the caller added but has not saved yet.
        var ticket = await db.Tickets.FindAsync([ticketId], ct) ?? throw new InvalidOperationException($"Ticket {ticketId} not found.");
        var message = await db.TicketMessages.FindAsync([ticketMessageId], ct) ?? throw new InvalidOperationException($"Ticket message {ticketMessageId} not found.");
        return (ticket, message);
    }

    /// <summary>The Message-IDs already on the ticket (mails received and sent), oldest first.</summary>
    private static async Task<List<string>> KnownMessageIdsAsync(CpsDbContext db, Guid ticketId, CancellationToken ct)
    {
        var ids = await db.TicketMessages.AsNoTracking().Where(m => m.TicketId == ticketId && m.MessageId != null)
            .OrderBy(m => m.CreatedAt).Select(m => m.MessageId!).ToListAsync(ct);
        return ids.Select(Unbracket).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    }

    private static MailTicket ToMailTicket(Ticket ticket) => new(ticket.Number, ticket.Subject, ticket.RequesterName);

    private string NewMessageId() => $"{Guid.NewGuid():N}@{Options.MessageIdDomain}";

    private static string NormalizeAddress(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        return address.Trim().ToLowerInvariant();
    }

    /// <summary>Message-IDs are stored without their angle brackets (MimeKit's form).</summary>
    internal static string? Unbracket(string? messageId)
    {
        var trimmed = messageId?.Trim().TrimStart('<').TrimEnd('>').Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
