using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.CardVerification;

/// <summary>
/// A random challenge the server asks a card to sign, to prove the card holds the key of its certificate and the PIN
/// works. Single use: the first verification that presents it marks it used, whatever the signature is worth.
/// </summary>
public sealed class CardChallenge
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The 32 random bytes the card signs.</summary>
    public required byte[] Nonce { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    /// <summary>The agent it was issued to; another user cannot spend it.</summary>
    public Guid? IssuedToUserId { get; set; }
}

internal sealed class CardChallengeConfiguration : IEntityTypeConfiguration<CardChallenge>
{
    public void Configure(EntityTypeBuilder<CardChallenge> b)
    {
        b.ToTable("card_challenges");
        b.Property(c => c.Nonce).HasMaxLength(64).IsRequired();
        b.HasIndex(c => c.ExpiresAt).HasDatabaseName("ix_card_challenges_expires_at");
    }
}

/// <summary>A challenge as handed to the agent's page: the bytes to sign (base64) and until when.</summary>
public sealed record IssuedChallenge(Guid Id, string Challenge, DateTimeOffset ExpiresAt);
