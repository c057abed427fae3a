using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Files;

/// <summary>File content stored once, addressed by its SHA-256 (attachments, generated documents, raw mails).</summary>
public sealed class StoredFile
{
    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>.</summary>
    public required string Sha256 { get; set; }
    public long Length { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("stored_files");
        b.HasKey(f => f.Sha256);
        b.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(f => f.Content).IsRequired();
    }
}
