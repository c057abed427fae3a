using CpsSupport.Data;
using CpsSupport.Features.People;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Requests;

public enum RequestStatus
{
    Draft,
    Submitted,
    MissingPieces,
    Validated,
    InProgress,
    Completed,
    Rejected,
    Cancelled,
}

/// <summary>A filed form (incident, order, mandate…); the form-specific details live in <see cref="Details"/> as JSON.</summary>
public sealed class SupportRequest : IAudited, IHasTimestamps
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public FormCode Form { get; set; }
    public RequestStatus Status { get; set; }
    public Guid? StructureId { get; set; }
    public Structure? Structure { get; set; }
    public Guid? PersonId { get; set; }
    public Person? Person { get; set; }
    public Guid? FiledByUserId { get; set; }
    public Guid? TicketId { get; set; }
    public Ticket? Ticket { get; set; }
    public string Details { get; set; } = "{}";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class SupportRequestConfiguration : IEntityTypeConfiguration<SupportRequest>
{
    public void Configure(EntityTypeBuilder<SupportRequest> b)
    {
        b.ToTable("requests");
        b.Property(r => r.Number).HasMaxLength(24).IsRequired();
        b.Property(r => r.Form).HasMaxLength(8);
        b.Property(r => r.Status).HasMaxLength(16);
        b.Property(r => r.Details).HasColumnType("jsonb");
        b.HasOne(r => r.Structure).WithMany().HasForeignKey(r => r.StructureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Ticket).WithMany().HasForeignKey(r => r.TicketId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(r => r.Number).IsUnique().HasDatabaseName("ux_requests_number");
        b.HasIndex(r => new { r.StructureId, r.Status }).HasDatabaseName("ix_requests_structure_status");
    }
}
