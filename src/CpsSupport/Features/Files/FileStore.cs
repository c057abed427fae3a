using System.Security.Cryptography;
using CpsSupport.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CpsSupport.Features.Files;

/// <summary>Content-addressed storage in PostgreSQL: the same bytes are stored once, whatever refers to them.</summary>
public static class FileStore
{
    public static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Adds the content to <paramref name="db"/> unless already stored (saved with the caller's transaction); returns its hash.</summary>
    public static async Task<string> AddAsync(CpsDbContext db, byte[] content, DateTimeOffset now, CancellationToken ct)
    {
        var hash = Hash(content);
        var known = db.StoredFiles.Local.Any(f => f.Sha256 == hash) || await db.StoredFiles.AnyAsync(f => f.Sha256 == hash, ct);
        if (!known) db.StoredFiles.Add(new StoredFile { Sha256 = hash, Length = content.LongLength, Content = content, CreatedAt = now });
        return hash;
    }

    /// <summary>
    /// As <see cref="AddAsync(CpsDbContext, byte[], DateTimeOffset, CancellationToken)"/>, for callers storing many files in one
    /// context: <paramref name="checkedHashes"/> tells, for hashes already checked (in one query beforehand), whether the content
    /// is stored or added (true) or absent (false); the database is asked only about the others, and the map is kept up to date.
    /// </summary>
    public static async Task<string> AddAsync(CpsDbContext db, byte[] content, DateTimeOffset now, Dictionary<string, bool> checkedHashes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(checkedHashes);
        var hash = Hash(content);
        if (checkedHashes.TryGetValue(hash, out var stored) && stored) return hash;
        if (!checkedHashes.ContainsKey(hash) && await db.StoredFiles.AnyAsync(f => f.Sha256 == hash, ct)) return Known(hash);
        db.StoredFiles.Add(new StoredFile { Sha256 = hash, Length = content.LongLength, Content = content, CreatedAt = now });
        return Known(hash);

        string Known(string h)
        {
            checkedHashes[h] = true;
            return h;
        }
    }

    /// <summary>
    /// Saves <paramref name="db"/> (no explicit transaction open). When another transaction stored some of the same content
    /// meanwhile (two agents printing the same document at once), that copy is kept and the rest is saved: same bytes, same row.
    /// </summary>
    public static async Task SaveChangesAsync(CpsDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pk_stored_files" })
        {
            var added = db.ChangeTracker.Entries<StoredFile>().Where(x => x.State == EntityState.Added).ToList();
            var hashes = added.Select(x => x.Entity.Sha256).ToList();
            var stored = (await db.StoredFiles.AsNoTracking().Where(f => hashes.Contains(f.Sha256)).Select(f => f.Sha256).ToListAsync(ct)).ToHashSet();
            foreach (var entry in added.Where(x => stored.Contains(x.Entity.Sha256))) entry.State = EntityState.Detached;
            await db.SaveChangesAsync(ct);
        }
    }
}
