using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Tickets;

/// <summary>Two tickets about the same matter (stored once, smaller id first).</summary>
public sealed class TicketLink
{
    public Guid TicketId { get; set; }
    public Guid OtherTicketId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class TicketLinkConfiguration : IEntityTypeConfiguration<TicketLink>
{
    public void Configure(EntityTypeBuilder<TicketLink> b)
    {
        b.ToTable("ticket_links");
        b.HasKey(l => new { l.TicketId, l.OtherTicketId });
        b.HasOne<Ticket>().WithMany().HasForeignKey(l => l.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Ticket>().WithMany().HasForeignKey(l => l.OtherTicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.OtherTicketId).HasDatabaseName("ix_ticket_links_other");
    }
}
