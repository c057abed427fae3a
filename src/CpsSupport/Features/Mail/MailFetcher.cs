using CpsSupport.Data;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CpsSupport.Features.Mail;

/// <summary>
/// Reads the support mailbox (IMAP, or a folder of <c>.eml</c> files in development) in batches: at most
/// <see cref="BatchSize"/> messages or <see cref="BatchBytes"/> bytes in memory, each batch committed by
/// <see cref="MailIngestionService"/> before its messages are flagged <c>\Seen</c> and moved to the processed folder.
/// </summary>
public sealed class MailFetcher(
    IDbContextFactory<CpsDbContext> dbFactory,
    MailIngestionService ingestion,
    TimeProvider clock,
    IOptions<MailOptions> options,
    ILogger<MailFetcher> logger)
{
    /// <summary>
    /// PostgreSQL advisory lock held while the mailbox is read: the recurring poll and the IMAP IDLE listener (and several
    /// instances of the application) never ingest at the same time; the second waits for the first, then finds what is left.
    /// </summary>
    public const long FetchLockKey = 7_000_700_007;

    public int BatchSize { get; set; } = 150;
    public long BatchBytes { get; set; } = 48L * 1024 * 1024;

    private MailOptions Options => options.Value;

    /// <summary>Fetches everything waiting, then retries the quarantined messages that are due; records the mailbox status.</summary>
    public async Task<MailBatchResult> FetchAsync(CancellationToken ct)
    {
        var source = Options.Source;
        if (source.Equals("None", StringComparison.OrdinalIgnoreCase)) return MailBatchResult.Empty;
        await using var lockDb = await dbFactory.CreateDbContextAsync(ct);
        await lockDb.Database.OpenConnectionAsync(ct);
        await lockDb.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock({0})", [FetchLockKey], ct);
        try
        {
            return await FetchLockedAsync(source, ct);
        }
        finally
        {
            // Pooled connections keep session locks: released explicitly (a crashed process loses its connection, and the lock with it).
            await lockDb.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0})", [FetchLockKey], CancellationToken.None);
            await lockDb.Database.CloseConnectionAsync();
        }
    }

    private async Task<MailBatchResult> FetchLockedAsync(string source, CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var total = MailBatchResult.Empty;
        var backlog = 0;
        string? error = null;
        try
        {
            (total, backlog) = source.Equals("Imap", StringComparison.OrdinalIgnoreCase)
                ? await FetchImapAsync(ct)
                : await FetchFolderAsync(ct);
            await ingestion.RetryDueAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error = e.Message;
            logger.LogError(e, "Mail fetch from {Source} failed", source);
            throw;
        }
        finally
        {
            await RecordAsync(source, started, error, backlog, total.Total, CancellationToken.None);
        }
        if (total.Total > 0)
            logger.LogInformation("Mail fetched: {Processed} processed, {Duplicates} duplicates, {Ignored} ignored, {Quarantined} quarantined",
                total.Processed, total.Duplicates, total.Ignored, total.Quarantined);
        return total;
    }

    private async Task RecordAsync(string source, DateTimeOffset at, string? error, int backlog, int count, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = source.Equals("Imap", StringComparison.OrdinalIgnoreCase) ? "Imap" : "Folder";
        var state = await db.MailboxStates.SingleOrDefaultAsync(s => s.Source == key, ct);
        if (state is null) db.MailboxStates.Add(state = new MailboxState { Source = key });
        state.LastFetchAt = at;
        state.LastError = error is null ? null : error.Length > 2000 ? error[..2000] : error;
        if (error is null) state.LastSuccessAt = at;
        state.Backlog = backlog;
        state.LastFetchCount = count;
        await db.SaveChangesAsync(ct);
    }

    private async Task<(MailBatchResult, int)> FetchImapAsync(CancellationToken ct)
    {
        var imap = Options.Imap;
        using var client = new ImapClient();
        await ConnectAsync(client, imap, ct);
        var inbox = await client.GetFolderAsync(imap.InboxFolder, ct);
        await inbox.OpenAsync(FolderAccess.ReadWrite, ct);
        var processed = await ProcessedFolderAsync(client, imap.ProcessedFolder, ct);
        var total = MailBatchResult.Empty;

        IList<UniqueId> uids;
        using (ingestion.Hooks.Time("imap: search")) uids = await inbox.SearchAsync(SearchQuery.NotDeleted, ct);
        foreach (var chunk in uids.Chunk(BatchSize))
        {
            IList<IMessageSummary> summaries;
            using (ingestion.Hooks.Time("imap: sizes")) summaries = await inbox.FetchAsync(chunk, MessageSummaryItems.UniqueId | MessageSummaryItems.Size, ct);
            // Groups of at most BatchBytes, each downloaded with one FETCH BODY.PEEK[] for its UID set and committed as one batch.
            var group = new List<IMessageSummary>();
            long bytes = 0;
            foreach (var summary in summaries.OrderBy(s => s.UniqueId.Id))
            {
                var size = (long)(summary.Size ?? 0);
                var counted = size > Options.Limits.MaxMessageBytes ? 0 : size;
                if (group.Count > 0 && bytes + counted > BatchBytes)
                {
                    total += await CommitImapAsync(inbox, processed, await DownloadAsync(inbox, group, ct), ct);
                    group.Clear();
                    bytes = 0;
                }
                group.Add(summary);
                bytes += counted;
            }
            total += await CommitImapAsync(inbox, processed, await DownloadAsync(inbox, group, ct), ct);
        }

        await inbox.StatusAsync(StatusItems.Count, ct);
        var backlog = inbox.Count;
        await client.DisconnectAsync(true, ct);
        return (total, backlog);
    }

    /// <summary>
    /// The group's messages in UID order: bodies in one pipelined FETCH (BODY.PEEK[], so nothing is flagged yet), only the
    /// headers of a message over the size limit (it stays in the mailbox, quarantined with a notice).
    /// </summary>
    private async Task<List<(UniqueId Uid, RawMail Mail)>> DownloadAsync(IMailFolder inbox, List<IMessageSummary> group, CancellationToken ct)
    {
        var mails = new Dictionary<UniqueId, RawMail>();
        var small = group.Where(s => (long)(s.Size ?? 0) <= Options.Limits.MaxMessageBytes).Select(s => s.UniqueId).ToList();
        if (small.Count > 0)
        {
            using var _ = ingestion.Hooks.Time("imap: bodies");
            var sizes = group.ToDictionary(s => s.UniqueId, s => (long)(s.Size ?? 0));
            async Task Copy(UniqueId uid, Stream stream, CancellationToken token)
            {
                var size = sizes.GetValueOrDefault(uid);
                using var buffer = new MemoryStream(size > 0 ? (int)size : 4096);
                await stream.CopyToAsync(buffer, token);
                mails[uid] = new RawMail($"IMAP UID {uid.Id}", buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray(), buffer.Length);
            }
            if (inbox is ImapFolder imapFolder)
            {
                await imapFolder.GetStreamsAsync(small, (_, _, uid, stream, token) => Copy(uid, stream, token), ct);
            }
            else
            {
                foreach (var uid in small)
                {
                    await using var stream = await inbox.GetStreamAsync(uid, ct);
                    await Copy(uid, stream, ct);
                }
            }
        }
        foreach (var summary in group.Where(s => (long)(s.Size ?? 0) > Options.Limits.MaxMessageBytes))
        {
            // Never downloaded whole: its headers are kept with a notice, the message stays in the mailbox.
            var headers = await inbox.GetHeadersAsync(summary.UniqueId, ct);
            using var buffer = new MemoryStream();
            await headers.WriteToAsync(buffer, ct);
            mails[summary.UniqueId] = new RawMail($"IMAP UID {summary.UniqueId.Id}", buffer.ToArray(), (long)(summary.Size ?? 0), HeadersOnly: true,
                FallbackKey: $"imap:{inbox.UidValidity}:{summary.UniqueId.Id}");
        }
        // A message expunged meanwhile by another client is simply absent: nothing to commit, nothing to move.
        return group.Where(s => mails.ContainsKey(s.UniqueId)).Select(s => (s.UniqueId, mails[s.UniqueId])).ToList();
    }

    private async Task<MailBatchResult> CommitImapAsync(IMailFolder inbox, IMailFolder processed, List<(UniqueId Uid, RawMail Mail)> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return MailBatchResult.Empty;
        MailBatchResult result;
        using (ingestion.Hooks.Time("ingest (total)")) result = await ingestion.IngestAsync(batch.Select(b => b.Mail).ToList(), ct);
        await ingestion.Hooks.AfterCommitAsync(batch.Select(b => b.Mail).ToList(), ct);
        using var _ = ingestion.Hooks.Time("imap: flag + move");
        // Only now, after the commit: a crash before this line leaves the messages unread, and the rerun skips them as duplicates.
        var uids = batch.Select(b => b.Uid).ToList();
        await inbox.AddFlagsAsync(uids, MessageFlags.Seen, silent: true, ct);
        await inbox.MoveToAsync(uids, processed, ct);
        return result;
    }

    internal static async Task ConnectAsync(ImapClient client, ImapOptions imap, CancellationToken ct)
    {
        var security = imap.Security.ToLowerInvariant() switch
        {
            "none" => SecureSocketOptions.None,
            "starttls" => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.SslOnConnect,
        };
        await client.ConnectAsync(imap.Host, imap.Port, security, ct);
        await client.AuthenticateAsync(imap.User, imap.Password, ct);
    }

    private static async Task<IMailFolder> ProcessedFolderAsync(ImapClient client, string name, CancellationToken ct)
    {
        try
        {
            return await client.GetFolderAsync(name, ct);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            return await root.CreateAsync(name, true, ct) ?? throw new InvalidOperationException($"IMAP folder {name} could not be created.");
        }
    }

    private async Task<(MailBatchResult, int)> FetchFolderAsync(CancellationToken ct)
    {
        var inbox = MailFolders.Resolve(Options.Folder.Inbox);
        var processed = MailFolders.Resolve(Options.Folder.Processed);
        Directory.CreateDirectory(inbox);
        Directory.CreateDirectory(processed);
        var total = MailBatchResult.Empty;
        var files = Directory.EnumerateFiles(inbox, "*.eml").Order(StringComparer.Ordinal).ToList();
        var batch = new List<(string Path, RawMail Mail)>();
        long bytes = 0;
        foreach (var path in files)
        {
            var size = new FileInfo(path).Length;
            RawMail mail;
            if (size > Options.Limits.MaxMessageBytes)
            {
                await using var stream = File.OpenRead(path);
                var headers = await HeaderList.LoadAsync(MailContentReader.Parser, stream, ct);
                using var buffer = new MemoryStream();
                await headers.WriteToAsync(buffer, ct);
                mail = new RawMail(Path.GetFileName(path), buffer.ToArray(), size, HeadersOnly: true, FallbackKey: $"file:{Path.GetFileName(path)}:{size}");
            }
            else
            {
                mail = new RawMail(Path.GetFileName(path), await File.ReadAllBytesAsync(path, ct), size);
            }
            batch.Add((path, mail));
            bytes += mail.Content.LongLength;
            if (batch.Count >= BatchSize || bytes >= BatchBytes)
            {
                total += await CommitFolderAsync(processed, batch, ct);
                batch.Clear();
                bytes = 0;
            }
        }
        total += await CommitFolderAsync(processed, batch, ct);
        return (total, Directory.EnumerateFiles(inbox, "*.eml").Count());
    }

    private async Task<MailBatchResult> CommitFolderAsync(string processed, List<(string Path, RawMail Mail)> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return MailBatchResult.Empty;
        var result = await ingestion.IngestAsync(batch.Select(b => b.Mail).ToList(), ct);
        await ingestion.Hooks.AfterCommitAsync(batch.Select(b => b.Mail).ToList(), ct);
        foreach (var (path, _) in batch)
        {
            var target = Path.Combine(processed, Path.GetFileName(path));
            if (File.Exists(target)) target = Path.Combine(processed, $"{Path.GetFileNameWithoutExtension(path)}-{Guid.NewGuid():N}.eml");
            File.Move(path, target);
        }
        return result;
    }
}

/// <summary>Development mail folders: relative paths start at the repository root (the folder holding CpsSupport.sln).</summary>
public static class MailFolders
{
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CpsSupport.sln"))) return Path.Combine(dir.FullName, path);
        }
        return Path.GetFullPath(path);
    }
}
