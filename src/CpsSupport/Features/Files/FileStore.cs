using System.Security.Cryptography;
using CpsSupport.Data;
using Microsoft.EntityFrameworkCore;

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
}
