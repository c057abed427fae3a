using CpsSupport.Features.Cards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Tickets;

/// <summary>A card the ticket is about; its lifecycle events appear on the ticket's timeline.</summary>
public sealed class TicketCard
{
    public Guid TicketId { get; set; }
    public Guid CardId { get; set; }
    public Card? Card { get; set; }
}

internal sealed class TicketCardConfiguration : IEntityTypeConfiguration<TicketCard>
{
    public void Configure(EntityTypeBuilder<TicketCard> b)
    {
        b.ToTable("ticket_cards");
        b.HasKey(tc => new { tc.TicketId, tc.CardId });
        b.HasOne<Ticket>().WithMany(t => t.Cards).HasForeignKey(tc => tc.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(tc => tc.Card).WithMany().HasForeignKey(tc => tc.CardId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(tc => tc.CardId).HasDatabaseName("ix_ticket_cards_card");
    }
}
