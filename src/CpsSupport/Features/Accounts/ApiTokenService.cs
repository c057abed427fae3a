using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CpsSupport.Data;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Accounts;

/// <summary>
/// Bearer tokens of the REST API: session tokens obtained with a password, personal tokens created from the profile.
/// A token is <c>cps_</c> + 32 random bytes in base64url; only its SHA-256 hash is stored, so a database leak gives
/// no usable token.
/// </summary>
public sealed class ApiTokenService(IDbContextFactory<CpsDbContext> dbFactory, TimeProvider clock)
{
    public const string Prefix = "cps_";
    public const int NameMaxLength = 100;
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);
    public static readonly TimeSpan MaxPersonalLifetime = TimeSpan.FromDays(365);
    /// <summary>LastUsedAt is a hint for the owner, not an audit trail: writing it once a minute spares the database.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    /// <summary>Issues an 8-hour session token after a successful password check (the caller checks the password).</summary>
    public Task<CreatedApiToken> CreateSessionAsync(Guid userId, CancellationToken ct = default) =>
        CreateAsync(userId, ApiTokenKind.Session, "Session API", SessionLifetime, ct);

    /// <summary>
    /// Creates a named personal token living <paramref name="lifetime"/> (at most 365 days) and returns its text once.
    /// </summary>
    /// <exception cref="ArgumentException">The name or lifetime breaks <see cref="ValidatePersonal"/>.</exception>
    public Task<CreatedApiToken> CreatePersonalAsync(Guid userId, string name, TimeSpan lifetime, CancellationToken ct = default)
    {
        if (ValidatePersonal(name, lifetime) is { } error) throw new ArgumentException(error, nameof(name));
        return CreateAsync(userId, ApiTokenKind.Personal, name.Trim(), lifetime, ct);
    }

    /// <summary>The French error to show for a personal token request, or null when the name and lifetime are acceptable.</summary>
    public static string? ValidatePersonal(string? name, TimeSpan lifetime)
    {
        if (string.IsNullOrWhiteSpace(name)) return "Le nom du jeton est obligatoire.";
        if (name.Trim().Length > NameMaxLength) return $"Le nom du jeton ne doit pas dépasser {NameMaxLength} caractères.";
        if (lifetime <= TimeSpan.Zero) return "La durée de validité du jeton doit être d'au moins un jour.";
        if (lifetime > MaxPersonalLifetime) return "La durée de validité d'un jeton personnel ne peut pas dépasser 365 jours.";
        return null;
    }

    /// <summary>
    /// The user's personal tokens (active, expired or revoked) and their session tokens still active, newest first;
    /// spent session tokens are left out since each password sign-in to the API makes one.
    /// </summary>
    public async Task<IReadOnlyList<ApiTokenInfo>> ListAsync(Guid userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .Where(t => t.Kind == ApiTokenKind.Personal || (t.RevokedAt == null && t.ExpiresAt > now))
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new ApiTokenInfo(t.Id, t.Name, t.Kind, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt,
                t.RevokedAt == null && t.ExpiresAt > now))
            .ToListAsync(ct);
    }

    /// <summary>Revokes one of the user's tokens at once; false when the user holds no such token. Revoking twice is harmless.</summary>
    public async Task<bool> RevokeAsync(Guid userId, Guid tokenId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null) return false;
        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The owner of <paramref name="token"/> when it exists, is neither expired nor revoked; null otherwise.
    /// Records the use at most once a minute.
    /// </summary>
    public async Task<ApiTokenOwner?> ValidateAsync(string token, CancellationToken ct = default)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 200) return null;
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Select(t => new { t.Id, t.UserId, t.Kind, t.ExpiresAt, t.RevokedAt, t.LastUsedAt })
            .SingleOrDefaultAsync(ct);
        if (found is null || found.RevokedAt is not null || found.ExpiresAt <= now) return null;

        if (found.LastUsedAt is null || now - found.LastUsedAt >= LastUsedPrecision)
        {
            var stale = now - LastUsedPrecision;
            // The condition in the UPDATE keeps concurrent requests from all writing.
            await db.ApiTokens
                .Where(t => t.Id == found.Id && (t.LastUsedAt == null || t.LastUsedAt <= stale))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        }
        return new ApiTokenOwner(found.Id, found.UserId, found.Kind);
    }

    /// <summary>Lower-case hex SHA-256 of the token text, as stored in <see cref="ApiToken.TokenHash"/>.</summary>
    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private async Task<CreatedApiToken> CreateAsync(Guid userId, ApiTokenKind kind, string name, TimeSpan lifetime, CancellationToken ct)
    {
        var text = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var token = new ApiToken
        {
            UserId = userId,
            Kind = kind,
            Name = name,
            TokenHash = Hash(text),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new CreatedApiToken(token.Id, token.Name, text, token.ExpiresAt);
    }
}
