using System.Globalization;
using System.Text;
using CpsSupport.Data;
using CpsSupport.Features.Documents;
using CpsSupport.Features.Files;
using CpsSupport.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;

namespace CpsSupport.Features.Mail;

/// <summary>
/// Turns incoming messages into tickets, never losing nor duplicating one: a batch is committed in one transaction with
/// its <see cref="InboundMail"/> rows (unique dedupe key), so the caller flags and moves the messages only afterwards and
/// a rerun after a crash skips what was committed. A message that fails is stored raw in quarantine (same batch), retried
/// with back-off, then left to a supervisor. Threading: In-Reply-To/References first, the ticket number in the subject
/// only from a known party of that ticket, merged tickets followed to the survivor.
/// </summary>
public sealed class MailIngestionService(
    IDbContextFactory<CpsDbContext> dbFactory,
    TimeProvider clock,
    TicketSla sla,
    TicketService tickets,
    IEnumerable<IMailOutbox> outboxes,
    FilledFormReader forms,
    IOptions<MailOptions> options,
    MailIngestionHooks hooks,
    ILogger<MailIngestionService> logger)
{
    /// <summary>Tag of a ticket opened by mail that quotes another ticket's number from an unknown sender.</summary>
    public const string UnverifiedSenderTag = "courriel-expediteur-inconnu";

    /// <summary>Flush the change tracker inside the transaction past this many bytes, so big attachments do not pile up.</summary>
    private const long FlushBytes = 24L * 1024 * 1024;

    /// <summary>Message-IDs of In-Reply-To/References tried to thread a message (a long References chain is cut).</summary>
    private const int MaxThreadIds = 50;

    private MailOptions Options => options.Value;

    // Enumerated rather than required, so the host starts (and DI validation passes) where the outgoing side is not wired;
    // a mail that needs an acknowledgement then fails into quarantine with this error instead of being lost.
    private IMailOutbox Outbox => outboxes.LastOrDefault()
        ?? throw new InvalidOperationException("Aucune boîte d'envoi (IMailOutbox) n'est configurée : l'accusé de réception ne peut pas être préparé.");

    public MailIngestionHooks Hooks => hooks;

    /// <summary>
    /// Ingests a batch in one transaction (falling back to one message per transaction if the batch fails to save).
    /// Returns once committed: the caller may then flag and move every message of the batch.
    /// </summary>
    public async Task<MailBatchResult> IngestAsync(IReadOnlyList<RawMail> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return MailBatchResult.Empty;
        try
        {
            return await IngestInOneTransactionAsync(batch, ct);
        }
        catch (Exception e) when (e is DbUpdateException or PostgresException or InvalidOperationException)
        {
            logger.LogWarning(e, "A batch of {Count} mails failed to save; retrying one by one", batch.Count);
        }

        var total = MailBatchResult.Empty;
        foreach (var mail in batch)
        {
            try
            {
                total += await IngestInOneTransactionAsync([mail], ct);
            }
            catch (Exception e) when (e is DbUpdateException or PostgresException or InvalidOperationException)
            {
                if (await IsKnownAsync(mail, ct))
                {
                    total += new MailBatchResult(0, 1, 0, 0);
                    continue;
                }
                logger.LogWarning(e, "Mail {Source} failed to save; quarantined", mail.SourceRef);
                await QuarantineAloneAsync(mail, e, ct);
                total += new MailBatchResult(0, 0, 0, 1);
            }
        }
        return total;
    }

    private async Task<MailBatchResult> IngestInOneTransactionAsync(IReadOnlyList<RawMail> batch, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // What one message adds (or loads) is detached again if it fails: recorded as it is tracked, not by scanning the tracker.
        List<object>? trackedByCurrent = null;
        db.ChangeTracker.Tracked += (_, e) => trackedByCurrent?.Add(e.Entry.Entity);
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // Parsed up front, so the batch's lookups (known keys, stored copies, threads, senders) are one query each.
        var parsed = new List<(RawMail Mail, MimeMessage? Message, Exception? Error, string Key)>(batch.Count);
        foreach (var mail in batch)
        {
            MimeMessage? message = null;
            Exception? parseError = null;
            try
            {
                using var _ = hooks.Time("parse (MimeKit)");
                message = Parse(mail);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or IOException)
            {
                parseError = e;
            }
            parsed.Add((mail, message, parseError, DedupeKey(mail, message)));
        }
        BatchLookups lookups;
        using (hooks.Time("db: batch lookups (keys, copies, threads, senders, SLA)")) lookups = await BatchLookups.LoadAsync(db, parsed.Select(p => (p.Mail, p.Message, p.Key)).ToList(), sla, outboxes.LastOrDefault(), ct);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        int processed = 0, duplicates = 0, ignored = 0, quarantined = 0;
        long pending = 0;
        foreach (var (mail, message, parseError, key) in parsed)
        {
            var now = clock.GetUtcNow();
            if (!seen.Add(key) || lookups.KnownKeys.Contains(key))
            {
                duplicates++;
                continue;
            }

            var inbound = new InboundMail
            {
                DedupeKey = key,
                MessageId = Truncate(message?.MessageId, 998),
                Size = mail.Size,
                SourceRef = Truncate(mail.SourceRef, 300),
                FromAddress = Truncate(message?.From.Mailboxes.FirstOrDefault()?.Address?.ToLowerInvariant(), 254),
                Subject = Truncate(message?.Subject, 300),
                ReceivedAt = now,
            };
            using (hooks.Time("raw copy hash")) inbound.RawSha256 = await FileStore.AddAsync(db, mail.Content, now, lookups.StoredHashes, ct);
            pending += mail.Content.LongLength;

            if (mail.HeadersOnly)
            {
                var limit = Options.Limits.MaxMessageBytes;
                Quarantine(inbound, $"Message de {Megabytes(mail.Size)} Mo, au-delà de la limite de {Megabytes(limit)} Mo : non importé, "
                    + "conservé dans le dossier des messages traités de la boîte (seuls ses en-têtes sont ici).", now, retry: false);
                db.InboundMails.Add(inbound);
                quarantined++;
                continue;
            }

            trackedByCurrent = [];
            var (unnumbered, acknowledgements) = (lookups.Unnumbered.Count, lookups.PendingAcknowledgements.Count);
            try
            {
                if (parseError is not null) throw new FormatException($"Message illisible : {parseError.Message}", parseError);
                await ApplyAsync(db, message!, inbound, now, lookups, ct);
                if (inbound.Status == InboundMailStatus.Ignored) ignored++; else processed++;
                // Later messages of the batch thread onto this one without a query.
                if (inbound.TicketId is { } ticketId && inbound.MessageId is { Length: > 0 } messageId) lookups.Threads.TryAdd(messageId, ticketId);
            }
            catch (Exception e) when (e is not OperationCanceledException and not DbUpdateException and not NpgsqlException)
            {
                // Undo what this message added, keep its raw copy, and quarantine it within the same batch.
                using (hooks.Time("change tracking"))
                {
                    foreach (var entity in trackedByCurrent.Where(x => x is not StoredFile))
                    {
                        var entry = db.Entry(entity);
                        if (entry.State != EntityState.Detached) entry.State = EntityState.Detached;
                    }
                }
                trackedByCurrent = null;
                lookups.Unnumbered.RemoveRange(unnumbered, lookups.Unnumbered.Count - unnumbered);
                lookups.PendingAcknowledgements.RemoveRange(acknowledgements, lookups.PendingAcknowledgements.Count - acknowledgements);
                logger.LogWarning(e, "Mail {Source} ({MessageId}) quarantined", mail.SourceRef, inbound.MessageId);
                Quarantine(inbound, e.Message, now, retry: true);
                db.InboundMails.Add(inbound);
                quarantined++;
            }
            trackedByCurrent = null;

            if (pending >= FlushBytes)
            {
                await NumberAndAcknowledgeAsync(db, lookups, ct);
                using var _ = hooks.Time("db: save (flush)");
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                pending = 0;
            }
        }
        await NumberAndAcknowledgeAsync(db, lookups, ct);
        using (hooks.Time("change tracking")) db.ChangeTracker.DetectChanges();
        using (hooks.Time("db: save + commit"))
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return new MailBatchResult(processed, duplicates, ignored, quarantined);
    }

    /// <summary>
    /// Numbers the batch's new tickets from one draw of the sequence, then queues their acknowledgements. A failure here
    /// (no outbox, template error) fails the batch, which is then retried one message per transaction.
    /// </summary>
    private async Task NumberAndAcknowledgeAsync(CpsDbContext db, BatchLookups lookups, CancellationToken ct)
    {
        if (lookups.Unnumbered.Count > 0)
        {
            using var _ = hooks.Time("db: ticket numbers");
            var count = lookups.Unnumbered.Count;
            var sequences = await db.Database.SqlQueryRaw<long>(
                "SELECT nextval('ticket_number_seq') AS \"Value\" FROM generate_series(1, {0})", count).ToListAsync(ct);
            sequences.Sort();
            for (var i = 0; i < count; i++)
            {
                var (ticket, at) = lookups.Unnumbered[i];
                ticket.Number = TicketNumber.Format(TicketNumber.YearOf(at), sequences[i]);
            }
            lookups.Unnumbered.Clear();
        }
        if (lookups.PendingAcknowledgements.Count > 0)
        {
            using var _ = hooks.Time("acknowledgement (limit, template, threading)");
            foreach (var (ticket, inbound, address, messageId) in lookups.PendingAcknowledgements)
            {
                try
                {
                    inbound.AcknowledgementQueued = await Outbox.QueueAcknowledgementAsync(db, ticket.Id, address, messageId, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException and not DbUpdateException and not NpgsqlException and not InvalidOperationException)
                {
                    // Seen by IngestAsync as a failed batch: retried one message per transaction, the failing one quarantined.
                    throw new InvalidOperationException(e.Message, e);
                }
                if (!inbound.AcknowledgementQueued) inbound.Note = "accusé de réception non envoyé : limite horaire atteinte pour cet expéditeur";
            }
            lookups.PendingAcknowledgements.Clear();
        }
    }

    /// <summary>What a batch needs from the database, read in one query per kind instead of one per message.</summary>
    private sealed class BatchLookups
    {
        public required HashSet<string> KnownKeys { get; init; }
        /// <summary>Content hash → stored or added (true), known absent (false).</summary>
        public required Dictionary<string, bool> StoredHashes { get; init; }
        /// <summary>Message-ID (without brackets) → ticket, for the In-Reply-To/References of the batch and the batch's own messages.</summary>
        public required Dictionary<string, Guid> Threads { get; init; }
        /// <summary>Sender address → the one person with that address (null when none or several).</summary>
        public required Dictionary<string, Guid?> People { get; init; }
        public required IReadOnlyDictionary<TicketCategory, (TimeSpan FirstResponse, TimeSpan Resolution)> Sla { get; init; }
        /// <summary>New tickets waiting for their number, in arrival order.</summary>
        public List<(Ticket Ticket, DateTimeOffset At)> Unnumbered { get; } = [];
        /// <summary>Acknowledgements to queue once the tickets are numbered (the number is in their subject).</summary>
        public List<(Ticket Ticket, InboundMail Inbound, string Address, string? MessageId)> PendingAcknowledgements { get; } = [];

        public static async Task<BatchLookups> LoadAsync(CpsDbContext db, IReadOnlyList<(RawMail Mail, MimeMessage? Message, string Key)> batch,
            TicketSla sla, IMailOutbox? outbox, CancellationToken ct)
        {
            var keys = batch.Select(b => b.Key).Distinct().ToList();
            var knownKeys = (await db.InboundMails.AsNoTracking().Where(m => keys.Contains(m.DedupeKey)).Select(m => m.DedupeKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var hashes = batch.Select(b => FileStore.Hash(b.Mail.Content)).Distinct().ToList();
            var stored = (await db.StoredFiles.AsNoTracking().Where(f => hashes.Contains(f.Sha256)).Select(f => f.Sha256).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var checkedHashes = hashes.ToDictionary(h => h, stored.Contains, StringComparer.Ordinal);

            // The ids FindTicketAsync tries, per message.
            var threadIds = batch.Where(b => b.Message is not null)
                .SelectMany(b => MailContentReader.ThreadIds(b.Message!).Take(MaxThreadIds)).Distinct(StringComparer.Ordinal).ToList();
            var threads = new Dictionary<string, Guid>(StringComparer.Ordinal);
            if (threadIds.Count > 0)
            {
                foreach (var (id, ticket) in await db.TicketMessages.AsNoTracking().Where(m => m.MessageId != null && threadIds.Contains(m.MessageId))
                    .Select(m => new ValueTuple<string, Guid>(m.MessageId!, m.TicketId)).ToListAsync(ct)) threads.TryAdd(id, ticket);
                foreach (var (id, ticket) in await db.InboundMails.AsNoTracking().Where(m => m.MessageId != null && threadIds.Contains(m.MessageId) && m.TicketId != null)
                    .Select(m => new ValueTuple<string, Guid>(m.MessageId!, m.TicketId!.Value)).ToListAsync(ct)) threads.TryAdd(id, ticket);
            }

            var senders = batch.Select(b => b.Message is null ? null : MailContentReader.SenderAddress(b.Message))
                .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var people = new Dictionary<string, Guid?>(StringComparer.Ordinal);
            if (senders.Count > 0)
            {
                foreach (var group in (await db.People.AsNoTracking().Where(p => p.Email != null && senders.Contains(p.Email))
                    .Select(p => new { p.Email, p.Id }).ToListAsync(ct)).GroupBy(p => p.Email!, StringComparer.Ordinal))
                    people[group.Key] = group.Count() == 1 ? group.First().Id : null;
                if (outbox is not null) await outbox.PrepareAcknowledgementsAsync(db, senders, ct);
            }
            return new BatchLookups
            {
                KnownKeys = knownKeys, StoredHashes = checkedHashes, Threads = threads, People = people, Sla = await sla.AllTargetsAsync(db, ct),
            };
        }
    }

    private static MimeMessage Parse(RawMail mail)
    {
        if (mail.Content.Length == 0) throw new FormatException("message vide");
        // Persistent: MIME parts point into the raw bytes instead of copying them.
        return MimeMessage.Load(MailContentReader.Parser, new MemoryStream(mail.Content, writable: false), persistent: true);
    }

    private static string DedupeKey(RawMail mail, MimeMessage? message)
    {
        if (message?.MessageId is { Length: > 0 } id) return Truncate("mid:" + id.Trim(), 1000)!;
        if (mail.HeadersOnly && mail.FallbackKey is not null) return mail.FallbackKey;
        return "sha256:" + FileStore.Hash(mail.Content);
    }

    private async Task<bool> IsKnownAsync(RawMail mail, CancellationToken ct)
    {
        MimeMessage? message = null;
        try { message = Parse(mail); }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or IOException) { }
        var key = DedupeKey(mail, message);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InboundMails.AnyAsync(m => m.DedupeKey == key, ct);
    }

    private async Task QuarantineAloneAsync(RawMail mail, Exception error, CancellationToken ct)
    {
        MimeMessage? message = null;
        try { message = Parse(mail); }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or IOException) { }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var inbound = new InboundMail
        {
            DedupeKey = DedupeKey(mail, message),
            MessageId = Truncate(message?.MessageId, 998),
            Size = mail.Size,
            SourceRef = Truncate(mail.SourceRef, 300),
            FromAddress = Truncate(message?.From.Mailboxes.FirstOrDefault()?.Address?.ToLowerInvariant(), 254),
            Subject = Truncate(message?.Subject, 300),
            ReceivedAt = now,
            RawSha256 = await FileStore.AddAsync(db, mail.Content, now, ct),
        };
        Quarantine(inbound, (error.InnerException ?? error).Message, now, retry: true);
        db.InboundMails.Add(inbound);
        await db.SaveChangesAsync(ct);
    }

    private void Quarantine(InboundMail inbound, string error, DateTimeOffset now, bool retry)
    {
        inbound.Status = InboundMailStatus.Quarantined;
        inbound.Error = Truncate(error, 4000);
        inbound.Attempts++;
        inbound.TicketId = null;
        inbound.ProcessedAt = null;
        inbound.NextAttemptAt = retry && inbound.Attempts < Options.Limits.MaxAttempts ? now + Backoff(inbound.Attempts) : null;
    }

    /// <summary>1, 2, 4, 8… minutes, at most a day.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(1440, Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>Retries the quarantined messages that are due (automatic back-off).</summary>
    public async Task<int> RetryDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<Guid> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.InboundMails.Where(m => m.Status == InboundMailStatus.Quarantined && m.NextAttemptAt != null && m.NextAttemptAt <= now)
                .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(50).ToListAsync(ct);
        }
        var done = 0;
        foreach (var id in due)
        {
            if (await ReprocessAsync(id, ct)) done++;
        }
        return done;
    }

    /// <summary>
    /// Processes a quarantined message again from its raw copy (automatic retry or a supervisor's request). On failure
    /// the attempt is counted and the next one scheduled, or none once <see cref="MailLimits.MaxAttempts"/> is reached.
    /// </summary>
    public async Task<bool> ReprocessAsync(Guid inboundId, CancellationToken ct)
    {
        string? error;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var inbound = await db.InboundMails.SingleOrDefaultAsync(m => m.Id == inboundId, ct)
                ?? throw new MailException("Message introuvable.");
            if (inbound.Status != InboundMailStatus.Quarantined) throw new MailException("Ce message n'est pas en quarantaine.");
            if (inbound.RawSha256 is null) throw new MailException("Le message brut n'est pas conservé : il ne peut pas être retraité.");
            var raw = await db.StoredFiles.Where(f => f.Sha256 == inbound.RawSha256).Select(f => f.Content).SingleAsync(ct);
            var now = clock.GetUtcNow();
            try
            {
                if (inbound.Error?.StartsWith("Message de ", StringComparison.Ordinal) == true && inbound.NextAttemptAt is null && inbound.Size > Options.Limits.MaxMessageBytes)
                    throw new MailException("Seuls les en-têtes de ce message trop volumineux sont conservés : il ne peut pas être retraité.");
                var message = Parse(new RawMail(inbound.SourceRef ?? "", raw, raw.LongLength));
                inbound.Error = null;
                await ApplyAsync(db, message, inbound, now, null, ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return true;
            }
            catch (MailException)
            {
                throw;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Quarantined mail {Id} failed again", inboundId);
                error = e.Message;
            }
        }

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var inbound = await db.InboundMails.SingleAsync(m => m.Id == inboundId, ct);
            Quarantine(inbound, error, clock.GetUtcNow(), retry: true);
            await db.SaveChangesAsync(ct);
        }
        return false;
    }

    /// <summary>A supervisor discards a quarantined message: kept raw, never retried (audited with the supervisor's name).</summary>
    public async Task DiscardAsync(Guid inboundId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var inbound = await db.InboundMails.SingleOrDefaultAsync(m => m.Id == inboundId, ct) ?? throw new MailException("Message introuvable.");
        if (inbound.Status != InboundMailStatus.Quarantined) throw new MailException("Ce message n'est pas en quarantaine.");
        inbound.Status = InboundMailStatus.Discarded;
        inbound.NextAttemptAt = null;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Turns one parsed message into a ticket, a message of a ticket, or an ignored row, in <paramref name="db"/>.</summary>
    private async Task ApplyAsync(CpsDbContext db, MimeMessage message, InboundMail inbound, DateTimeOffset now, BatchLookups? lookups, CancellationToken ct)
    {
        ParsedMail mail;
        using (hooks.Time("read + sanitize (MailContentReader)")) mail = MailContentReader.Read(message, Options);
        hooks.OnParsed(mail);
        // The subject as read in the message's declared charset (MimeKit's own reading falls back to windows-1252).
        if (mail.Subject != "(sans objet)") inbound.Subject = Truncate(mail.Subject, 300);
        inbound.ProcessedAt = now;
        inbound.NextAttemptAt = null;
        inbound.Status = InboundMailStatus.Processed;

        if (mail.Kind == MailKind.Own)
        {
            inbound.Status = InboundMailStatus.Ignored;
            inbound.Note = mail.KindReason;
            if (db.Entry(inbound).State == EntityState.Detached) db.InboundMails.Add(inbound);
            return;
        }
        if (mail.Kind == MailKind.Bounce)
        {
            await ApplyBounceAsync(db, message, mail, inbound, now, ct);
            if (db.Entry(inbound).State == EntityState.Detached) db.InboundMails.Add(inbound);
            return;
        }

        Ticket? ticket;
        string? strangerNumber;
        using (hooks.Time("db: thread lookup")) (ticket, strangerNumber) = await FindTicketAsync(db, mail, lookups, ct);
        var isNew = ticket is null;
        if (ticket is null)
        {
            using (hooks.Time("db: new ticket (number, person, SLA)")) ticket = await NewTicketAsync(db, mail, now, lookups, ct);
            if (strangerNumber is not null)
            {
                ticket.Tags = [UnverifiedSenderTag];
                Note(ticket, now, $"L'objet cite le ticket {strangerNumber}, mais l'expéditeur {mail.FromAddress ?? "(inconnu)"} n'est pas un interlocuteur connu de ce ticket : "
                    + "nouveau ticket ouvert, à vérifier avant de le rapprocher.");
            }
        }
        else
        {
            if (ticket.State == TicketState.WaitingForRequester || ticket.State == TicketState.Resolved) tickets.ChangeState(ticket, TicketState.InProgress, now);
            ticket.LastActivityAt = now;
        }

        var entry = new TicketMessage
        {
            TicketId = ticket.Id,
            Kind = TicketMessageKind.IncomingMail,
            Body = mail.Text,
            Html = mail.Html,
            MessageId = mail.MessageId,
            AuthorName = Truncate(mail.FromName is null ? mail.FromAddress : $"{mail.FromName} <{mail.FromAddress}>", 200),
            CreatedAt = now,
        };
        foreach (var file in mail.Attachments)
        {
            using var _ = hooks.Time("db: attachment hash + lookup");
            var hash = lookups is null ? await FileStore.AddAsync(db, file.Content, now, ct) : await FileStore.AddAsync(db, file.Content, now, lookups.StoredHashes, ct);
            entry.Attachments.Add(new Attachment { FileName = file.FileName, ContentType = file.ContentType, Size = file.Content.LongLength, Sha256 = hash, CreatedAt = now });
        }
        if (isNew) ticket.Messages.Add(entry); else db.TicketMessages.Add(entry);

        var notes = new List<string>(mail.Notices);
        using (hooks.Time("db: identifiers"))
        {
            if (await IdentifiersNoteAsync(db, mail, ct) is { } identifiers) notes.Add(identifiers);
        }
        foreach (var pdf in mail.Attachments.Where(a => a.ContentType == "application/pdf" || a.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)))
        {
            var reading = await forms.ReadAsync(pdf.Content, ct);
            if (reading.Status != FilledFormStatus.Read) continue;
            var text = new StringBuilder($"Formulaire PDF « {pdf.FileName} » : {reading.Message}");
            foreach (var field in reading.Fields) text.Append(CultureInfo.InvariantCulture, $"\n- {field.Label} : {field.Value}{(field.IsValid ? "" : $" ({field.Error})")}");
            foreach (var warning in reading.Warnings) text.Append("\n").Append(warning);
            notes.Add(text.ToString());
        }
        if (notes.Count > 0)
        {
            var note = new TicketMessage { TicketId = ticket.Id, Kind = TicketMessageKind.InternalNote, Body = string.Join("\n\n", notes), AuthorName = "Courriel entrant", CreatedAt = now };
            if (isNew) ticket.Messages.Add(note); else db.TicketMessages.Add(note);
        }

        inbound.TicketId = ticket.Id;
        if (db.Entry(inbound).State == EntityState.Detached) db.InboundMails.Add(inbound);
        if (!isNew) return;
        if (mail.Kind == MailKind.Ordinary && mail.FromAddress is { } address)
        {
            // Same SaveChanges as the ticket: the acknowledgement exists if and only if the ticket does. In a batch it is
            // queued once the batch's new tickets have their numbers (one query for all), just before saving.
            if (lookups is not null)
            {
                lookups.PendingAcknowledgements.Add((ticket, inbound, address, mail.MessageId));
                return;
            }
            inbound.AcknowledgementQueued = await Outbox.QueueAcknowledgementAsync(db, ticket.Id, address, mail.MessageId, ct);
            if (!inbound.AcknowledgementQueued) inbound.Note = "accusé de réception non envoyé : limite horaire atteinte pour cet expéditeur";
        }
        else
        {
            inbound.Note = Truncate($"pas d'accusé de réception : {mail.KindReason ?? "expéditeur inconnu"}", 500);
        }
    }

    private async Task<(Ticket? Ticket, string? StrangerNumber)> FindTicketAsync(CpsDbContext db, ParsedMail mail, BatchLookups? lookups, CancellationToken ct)
    {
        if (lookups is not null)
        {
            foreach (var threadId in mail.ThreadIds.Take(MaxThreadIds))
            {
                if (lookups.Threads.TryGetValue(threadId, out var threadTicket)) return (await OpenSurvivorAsync(db, threadTicket, ct), null);
            }
        }
        else if (mail.ThreadIds.Count > 0)
        {
            var ids = mail.ThreadIds.Take(MaxThreadIds).ToList();
            var ticketId = await db.TicketMessages.Where(m => m.MessageId != null && ids.Contains(m.MessageId)).Select(m => (Guid?)m.TicketId).FirstOrDefaultAsync(ct)
                ?? await db.InboundMails.Where(m => m.MessageId != null && ids.Contains(m.MessageId) && m.TicketId != null).Select(m => m.TicketId).FirstOrDefaultAsync(ct);
            if (ticketId is { } id) return (await OpenSurvivorAsync(db, id, ct), null);
        }

        if (TicketNumber.Find(mail.Subject) is not { } number) return (null, null);
        var quoted = await db.Tickets.Where(t => t.Number == number)
            .Select(t => new { t.Id, t.RequesterEmail, PersonEmail = t.Person != null ? t.Person.Email : null }).SingleOrDefaultAsync(ct);
        if (quoted is null) return (null, null);
        var from = mail.FromAddress;
        var known = from is not null && (string.Equals(quoted.RequesterEmail, from, StringComparison.OrdinalIgnoreCase)
            || string.Equals(quoted.PersonEmail, from, StringComparison.OrdinalIgnoreCase)
            || await db.InboundMails.AnyAsync(m => m.TicketId == quoted.Id && m.FromAddress == from && m.Status == InboundMailStatus.Processed, ct));
        return known ? (await OpenSurvivorAsync(db, quoted.Id, ct), null) : (null, number);
    }

    /// <summary>The surviving ticket of a merge; a closed one gets no more mail (a new ticket is opened instead).</summary>
    private static async Task<Ticket?> OpenSurvivorAsync(CpsDbContext db, Guid id, CancellationToken ct)
    {
        var survivor = await TicketService.SurvivorAsync(db, id, ct);
        var ticket = db.Tickets.Local.FirstOrDefault(t => t.Id == survivor) ?? await db.Tickets.SingleAsync(t => t.Id == survivor, ct);
        return ticket.State == TicketState.Closed ? null : ticket;
    }

    private async Task<Ticket> NewTicketAsync(CpsDbContext db, ParsedMail mail, DateTimeOffset now, BatchLookups? lookups, CancellationToken ct)
    {
        // In a batch the number is drawn for all new tickets at once before saving (no gap: only tickets that are saved get one).
        long? sequence = lookups is not null ? null
            : await db.Database.SqlQueryRaw<long>("SELECT nextval('ticket_number_seq') AS \"Value\"").SingleAsync(ct);
        var personId = mail.FromAddress is { } from
            ? lookups is not null ? lookups.People.GetValueOrDefault(from) : await db.People.Where(p => p.Email == from).Select(p => (Guid?)p.Id).Take(2).ToListAsync(ct) is [var single] ? single : null
            : null;
        var category = MailTextHints.SuggestCategory(mail.Subject, mail.Text);
        var ticket = new Ticket
        {
            Number = sequence is { } value ? TicketNumber.Format(TicketNumber.YearOf(now), value) : "",
            Subject = Truncate(mail.Subject, 300)!,
            Channel = TicketChannel.Mail,
            State = TicketState.New,
            Category = category,
            RequesterName = Truncate(mail.FromName, 200),
            RequesterEmail = mail.FromAddress,
            PersonId = personId,
            LastActivityAt = now,
        };
        if (lookups is not null) sla.Start(ticket, now, lookups.Sla[category]); else await sla.StartAsync(db, ticket, now, ct);
        ticket.Events.Add(new TicketEvent { Kind = TicketEventKind.Created, At = now, Actor = "Courriel entrant", Text = "Ticket créé (courriel)" });
        if (category != TicketCategory.Other)
            ticket.Events.Add(new TicketEvent { Kind = TicketEventKind.CategoryChanged, At = now, Actor = "Courriel entrant", Text = $"Catégorie suggérée d'après le texte : {TicketLabels.Category(category)}" });
        db.Tickets.Add(ticket);
        lookups?.Unnumbered.Add((ticket, now));
        return ticket;
    }

    private static async Task<string?> IdentifiersNoteAsync(CpsDbContext db, ParsedMail mail, CancellationToken ct)
    {
        var found = MailTextHints.FindIdentifiers(mail.Subject, mail.Text);
        if (found.Count == 0) return null;
        var lines = new List<string>();
        foreach (var id in found)
        {
            string? match = id.Kind switch
            {
                "RPPS" => await db.People.Where(p => p.NationalId == "8" + id.Value).Select(p => p.FirstName + " " + p.LastName.ToUpper()).FirstOrDefaultAsync(ct),
                "ADELI" => await db.People.Where(p => p.NationalId == "0" + id.Value).Select(p => p.FirstName + " " + p.LastName.ToUpper()).FirstOrDefaultAsync(ct),
                "FINESS" => await db.Structures.Where(s => s.Finess == id.Value).Select(s => s.Name).FirstOrDefaultAsync(ct),
                "SIRET" => await db.Structures.Where(s => s.Siret == id.Value).Select(s => s.Name).FirstOrDefaultAsync(ct),
                _ => await db.Cards.Where(c => c.SerialNumber == id.Value).Select(c => c.SerialNumber).FirstOrDefaultAsync(ct),
            };
            if (id.Kind == "Carte" && match is null) continue;
            lines.Add(match is null ? $"- {id.Kind} {id.Value} (valide, inconnu du référentiel)" : $"- {id.Kind} {id.Value} → {match}");
        }
        return lines.Count == 0 ? null : "Identifiants repérés dans le courriel, à rattacher après vérification :\n" + string.Join("\n", lines);
    }

    private async Task ApplyBounceAsync(CpsDbContext db, MimeMessage message, ParsedMail mail, InboundMail inbound, DateTimeOffset now, CancellationToken ct)
    {
        var failed = mail.FailedRecipients.ToList();
        var people = failed.Count == 0 ? [] : await db.People.Where(p => p.Email != null && failed.Contains(p.Email)).ToListAsync(ct);
        foreach (var person in people) person.EmailFailingAt = now;

        var ids = MailContentReader.BouncedMessageIds(message).Concat(mail.ThreadIds).Distinct().Take(50).ToList();
        Guid? ticketId = ids.Count == 0 ? null
            : await db.TicketMessages.Where(m => m.MessageId != null && ids.Contains(m.MessageId)).Select(m => (Guid?)m.TicketId).FirstOrDefaultAsync(ct);
        var affected = failed.Count == 0 ? [] : await db.Tickets
            .Where(t => t.RequesterEmail != null && failed.Contains(t.RequesterEmail) && t.State != TicketState.Closed && t.MergedIntoId == null).ToListAsync(ct);
        if (ticketId is { } id && affected.All(t => t.Id != id)) affected.Add(await db.Tickets.SingleAsync(t => t.Id == id, ct));
        foreach (var ticket in affected)
        {
            ticket.RequesterEmailFailingAt = now;
            Note(ticket, now, $"Courriel non remis ({string.Join(", ", failed.DefaultIfEmpty("adresse inconnue"))}) : joindre le demandeur autrement.", db);
        }
        inbound.TicketId = ticketId ?? affected.FirstOrDefault()?.Id;
        inbound.Status = inbound.TicketId is null ? InboundMailStatus.Ignored : InboundMailStatus.Processed;
        inbound.Note = Truncate(failed.Count == 0 ? "rapport de non-remise sans adresse reconnue" : $"rapport de non-remise : {string.Join(", ", failed)} marquée(s) en échec", 500);
    }

    private static void Note(Ticket ticket, DateTimeOffset now, string text, CpsDbContext? db = null)
    {
        var note = new TicketMessage { TicketId = ticket.Id, Kind = TicketMessageKind.InternalNote, Body = text, AuthorName = "Courriel entrant", CreatedAt = now };
        if (db is null) ticket.Messages.Add(note); else db.TicketMessages.Add(note);
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.GetCultureInfo("fr-FR"));

    private static string? Truncate(string? text, int max) => text is null ? null : text.Length <= max ? text : text[..max];
}

/// <summary>A refused mailbox action, with its French message.</summary>
public sealed class MailException(string message) : Exception(message);
