using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Cards;

public enum CertificateUsage
{
    Authentication,
    Signature,
}

/// <summary>
/// A certificate held on a card (authentication, signature). Opposing the card revokes them: they go into the
/// certificate revocation list and leave the CPS directory (seeds/001).
/// </summary>
public sealed class CardCertificate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CardId { get; set; }
    /// <summary>Certificate serial number, hexadecimal as the card reader shows it.</summary>
    public required string SerialNumber { get; set; }
    public CertificateUsage Usage { get; set; }
    public DateTimeOffset? IssuedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevocationReason { get; set; }
}

internal sealed class CardCertificateConfiguration : IEntityTypeConfiguration<CardCertificate>
{
    public void Configure(EntityTypeBuilder<CardCertificate> b)
    {
        b.ToTable("card_certificates");
        b.Property(c => c.SerialNumber).HasMaxLength(64).IsRequired();
        b.Property(c => c.Usage).HasMaxLength(16);
        b.Property(c => c.RevocationReason).HasMaxLength(500);
        b.HasOne<Card>().WithMany(c => c.Certificates).HasForeignKey(c => c.CardId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.SerialNumber).IsUnique().HasDatabaseName("ux_card_certificates_serial_number");
        b.HasIndex(c => c.CardId).HasDatabaseName("ix_card_certificates_card");
    }
}
