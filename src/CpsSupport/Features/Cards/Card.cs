using CpsSupport.Data;
using CpsSupport.Features.People;
using CpsSupport.Features.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Cards;

/// <summary>A physical CPx card held by a person, usually on behalf of a structure.</summary>
public sealed class Card : IAudited, IHasTimestamps
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public CardType Type { get; set; }
    /// <summary>Serial printed on the card and present in its certificates.</summary>
    public required string SerialNumber { get; set; }
    public Guid HolderId { get; set; }
    public Person? Holder { get; set; }
    public Guid? StructureId { get; set; }
    public Structure? Structure { get; set; }
    public CardStatus Status { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public DateTimeOffset? OpposedAt { get; set; }
    public string? OppositionReason { get; set; }
    public List<CardEvent> Events { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class CardConfiguration : IEntityTypeConfiguration<Card>
{
    public void Configure(EntityTypeBuilder<Card> b)
    {
        b.Property(c => c.Type).HasMaxLength(16);
        b.Property(c => c.Status).HasMaxLength(16);
        b.Property(c => c.SerialNumber).HasMaxLength(20).IsRequired();
        b.Property(c => c.OppositionReason).HasMaxLength(500);
        b.HasOne(c => c.Holder).WithMany().HasForeignKey(c => c.HolderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Structure).WithMany().HasForeignKey(c => c.StructureId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.SerialNumber).IsUnique().HasDatabaseName("ux_cards_serial_number");
        b.HasIndex(c => c.HolderId).HasDatabaseName("ix_cards_holder_id");
        b.HasIndex(c => new { c.StructureId, c.Status }).HasDatabaseName("ix_cards_structure_status");
        b.HasIndex(c => c.Status).HasDatabaseName("ix_cards_status");
    }
}
