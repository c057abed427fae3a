using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Accounts;

public enum ApiTokenKind
{
    /// <summary>Obtained with credentials at POST /api/v1/auth/token; short-lived.</summary>
    Session,
    /// <summary>Created by the user in their profile; long-lived, named, revocable.</summary>
    Personal,
}

/// <summary>A bearer token of the REST API; only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public AppUser? User { get; set; }
    public ApiTokenKind Kind { get; set; }
    public required string Name { get; set; }
    /// <summary>Lower-case hex SHA-256 of the token text.</summary>
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.Property(t => t.Kind).HasMaxLength(16);
        b.Property(t => t.Name).HasMaxLength(100).IsRequired();
        b.Property(t => t.TokenHash).HasMaxLength(64).IsFixedLength().IsRequired();
        b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => t.TokenHash).IsUnique().HasDatabaseName("ux_api_tokens_token_hash");
        b.HasIndex(t => t.UserId).HasDatabaseName("ix_api_tokens_user_id");
    }
}
