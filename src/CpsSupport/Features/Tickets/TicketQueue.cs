using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Tickets;

/// <summary>A team's work list (front desk, level 2, orders…); each queue is also a saved view.</summary>
public sealed class TicketQueue
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public int SortOrder { get; set; }
}

internal sealed class TicketQueueConfiguration : IEntityTypeConfiguration<TicketQueue>
{
    public void Configure(EntityTypeBuilder<TicketQueue> b)
    {
        b.ToTable("ticket_queues");
        b.Property(q => q.Name).HasMaxLength(100).IsRequired();
        b.HasIndex(q => q.Name).IsUnique().HasDatabaseName("ux_ticket_queues_name");
    }
}
