using CpsSupport.Data;
using CpsSupport.Features.People;
using CpsSupport.Features.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Tickets;

/// <summary>A support case. The foundation keeps only what the dashboard and links need; the ticketing feature extends it.</summary>
public sealed class Ticket : IAudited, IHasTimestamps
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Human-readable number, e.g. CPS-2026-000123.</summary>
    public required string Number { get; set; }
    public required string Subject { get; set; }
    public TicketChannel Channel { get; set; }
    public TicketState State { get; set; }
    public string? Category { get; set; }
    public Guid? PersonId { get; set; }
    public Person? Person { get; set; }
    public Guid? StructureId { get; set; }
    public Structure? Structure { get; set; }
    public Guid? AssigneeId { get; set; }
    public List<TicketMessage> Messages { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.Property(t => t.Number).HasMaxLength(20).IsRequired();
        b.Property(t => t.Subject).HasMaxLength(300).IsRequired();
        b.Property(t => t.Channel).HasMaxLength(16);
        b.Property(t => t.State).HasMaxLength(24);
        b.Property(t => t.Category).HasMaxLength(40);
        b.HasOne(t => t.Person).WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(t => t.Structure).WithMany().HasForeignKey(t => t.StructureId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(t => t.Number).IsUnique().HasDatabaseName("ux_tickets_number");
        b.HasIndex(t => new { t.State, t.CreatedAt }).HasDatabaseName("ix_tickets_state_created_at");
    }
}
