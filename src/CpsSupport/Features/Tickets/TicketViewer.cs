using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Tickets;

/// <summary>Who has a ticket open, refreshed by a heartbeat; in the database so every node sees it.</summary>
public sealed class TicketViewer
{
    public Guid TicketId { get; set; }
    public Guid UserId { get; set; }
    public required string DisplayName { get; set; }
    public DateTimeOffset SeenAt { get; set; }
}

internal sealed class TicketViewerConfiguration : IEntityTypeConfiguration<TicketViewer>
{
    public void Configure(EntityTypeBuilder<TicketViewer> b)
    {
        b.ToTable("ticket_viewers");
        b.HasKey(v => new { v.TicketId, v.UserId });
        b.Property(v => v.DisplayName).HasMaxLength(200).IsRequired();
        b.HasOne<Ticket>().WithMany().HasForeignKey(v => v.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
