using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Tickets;

/// <summary>A file attached to a message; the content is stored once, addressed by its SHA-256.</summary>
public sealed class Attachment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MessageId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public required string Sha256 { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.Property(a => a.FileName).HasMaxLength(255).IsRequired();
        b.Property(a => a.ContentType).HasMaxLength(127).IsRequired();
        b.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        b.HasOne<TicketMessage>().WithMany(m => m.Attachments).HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CpsSupport.Features.Files.StoredFile>().WithMany().HasForeignKey(a => a.Sha256).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.Sha256).HasDatabaseName("ix_attachments_sha256");
    }
}
