using CpsSupport.Data;
using CpsSupport.Features.People;
using CpsSupport.Features.Requests;
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
    /// <summary>The request (F501) that opposed the card: a second declaration of the same loss finds it.</summary>
    public Guid? OppositionRequestId { get; set; }
    /// <summary>The card this one replaces (loss, theft, malfunction, not received).</summary>
    public Guid? ReplacesCardId { get; set; }
    /// <summary>The request that ordered this card (replacement or order).</summary>
    public Guid? OrderedByRequestId { get; set; }
    /// <summary>Day the card is expected, promised when it was ordered: complete file + 10 business days.</summary>
    public DateOnly? ExpectedOn { get; set; }
    /// <summary>Day its PIN letter is expected: one business day after the card.</summary>
    public DateOnly? CodesExpectedOn { get; set; }
    /// <summary>Set when a faulty card is replaced: the desk waits for it to come back.</summary>
    public DateTimeOffset? ReturnRequestedAt { get; set; }
    /// <summary>Set when the structure's delivery address changed while the card was on its way (F504).</summary>
    public DateTimeOffset? ShipmentFlaggedAt { get; set; }
    public string? ShipmentFlag { get; set; }
    public List<CardEvent> Events { get; set; } = [];
    public List<CardCertificate> Certificates { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>PostgreSQL xmin: two workflows never overwrite each other's change of the same card.</summary>
    public uint Version { get; set; }
}

internal sealed class CardConfiguration : IEntityTypeConfiguration<Card>
{
    public void Configure(EntityTypeBuilder<Card> b)
    {
        b.Property(c => c.Type).HasMaxLength(16);
        b.Property(c => c.Status).HasMaxLength(16);
        b.Property(c => c.SerialNumber).HasMaxLength(20).IsRequired();
        b.Property(c => c.OppositionReason).HasMaxLength(500);
        b.Property(c => c.ShipmentFlag).HasMaxLength(500);
        b.Property(c => c.Version).IsRowVersion();
        b.HasOne<Card>().WithMany().HasForeignKey(c => c.ReplacesCardId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SupportRequest>().WithMany().HasForeignKey(c => c.OrderedByRequestId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<SupportRequest>().WithMany().HasForeignKey(c => c.OppositionRequestId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => c.ReplacesCardId).HasDatabaseName("ix_cards_replaces_card");
        b.HasIndex(c => c.OrderedByRequestId).HasDatabaseName("ix_cards_ordered_by_request");
        // The revocation list: opposed cards by opposition date.
        b.HasIndex(c => c.OpposedAt).HasFilter("status = 'Opposed'").HasDatabaseName("ix_cards_opposed");
        b.HasIndex(c => c.OppositionRequestId).HasDatabaseName("ix_cards_opposition_request");
        b.HasOne(c => c.Holder).WithMany().HasForeignKey(c => c.HolderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Structure).WithMany().HasForeignKey(c => c.StructureId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.SerialNumber).IsUnique().HasDatabaseName("ux_cards_serial_number");
        b.HasIndex(c => c.HolderId).HasDatabaseName("ix_cards_holder_id");
        // Serial prefix search (LIKE '2000%') under a non-C collation needs the pattern operator class.
        b.HasIndex(c => c.SerialNumber, "ix_cards_serial_number_pattern").HasOperators("text_pattern_ops").HasDatabaseName("ix_cards_serial_number_pattern");
        b.HasIndex(c => new { c.StructureId, c.Status }).HasDatabaseName("ix_cards_structure_status");
        b.HasIndex(c => c.Status).HasDatabaseName("ix_cards_status");
    }
}
