using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Tickets;

public enum TicketEventKind
{
    Created,
    StateChanged,
    Assigned,
    CategoryChanged,
    PriorityChanged,
    CardLinked,
    RequestLinked,
    Linked,
    Merged,
    Escalated,
    TagsChanged,
    Verification,
}

/// <summary>A change on a ticket (state, assignee, link, merge…) as it appears on the timeline.</summary>
public sealed class TicketEvent
{
    public long Id { get; set; }
    public Guid TicketId { get; set; }
    public TicketEventKind Kind { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public TicketState? FromState { get; set; }
    public TicketState? ToState { get; set; }
    /// <summary>French description shown on the timeline ("Assigné à Camille Martin").</summary>
    public required string Text { get; set; }
    /// <summary>The other entity of the event (card, request, ticket), when there is one.</summary>
    public Guid? RelatedId { get; set; }
}

internal sealed class TicketEventConfiguration : IEntityTypeConfiguration<TicketEvent>
{
    public void Configure(EntityTypeBuilder<TicketEvent> b)
    {
        b.ToTable("ticket_events");
        b.Property(e => e.Kind).HasMaxLength(24);
        b.Property(e => e.Actor).HasMaxLength(200).IsRequired();
        b.Property(e => e.FromState).HasMaxLength(24);
        b.Property(e => e.ToState).HasMaxLength(24);
        b.Property(e => e.Text).HasMaxLength(2000).IsRequired();
        b.HasOne<Ticket>().WithMany(t => t.Events).HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.TicketId, e.At }).HasDatabaseName("ix_ticket_events_ticket_at");
    }
}
