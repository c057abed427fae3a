using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Cards;

/// <summary>One step of a card's life (ordered, shipped, opposed…), with who did it and why.</summary>
public sealed class CardEvent
{
    public long Id { get; set; }
    public Guid CardId { get; set; }
    public DateTimeOffset At { get; set; }
    public CardStatus Status { get; set; }
    public required string Actor { get; set; }
    public string? Reason { get; set; }
}

internal sealed class CardEventConfiguration : IEntityTypeConfiguration<CardEvent>
{
    public void Configure(EntityTypeBuilder<CardEvent> b)
    {
        b.Property(e => e.Status).HasMaxLength(16);
        b.Property(e => e.Actor).HasMaxLength(200).IsRequired();
        b.Property(e => e.Reason).HasMaxLength(500);
        b.HasOne<Card>().WithMany(c => c.Events).HasForeignKey(e => e.CardId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.CardId, e.At }).HasDatabaseName("ix_card_events_card_at");
    }
}
