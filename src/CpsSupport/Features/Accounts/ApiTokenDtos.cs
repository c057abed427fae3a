namespace CpsSupport.Features.Accounts;

/// <summary>A token as listed to its owner: never its text, which is shown once at creation.</summary>
public sealed record ApiTokenInfo(
    Guid Id, string Name, ApiTokenKind Kind, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, bool IsActive);

/// <summary>A token just created: <see cref="Token"/> is the clear text, returned this once and never stored.</summary>
public sealed record CreatedApiToken(Guid Id, string Name, string Token, DateTimeOffset ExpiresAt);

/// <summary>The owner of a valid token, as found by <see cref="ApiTokenService.ValidateAsync"/>.</summary>
public sealed record ApiTokenOwner(Guid TokenId, Guid UserId, ApiTokenKind Kind);
