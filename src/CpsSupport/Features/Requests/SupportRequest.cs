using CpsSupport.Data;
using CpsSupport.Features.Cards;
using CpsSupport.Features.People;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Requests;

/// <summary>A filed form (incident, order, mandate…); the form-specific details live in <see cref="Details"/> as JSON.</summary>
public sealed class SupportRequest : IAudited, IHasTimestamps
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Human-readable number, e.g. DEM-2026-000123 (see <see cref="RequestNumber"/>).</summary>
    public required string Number { get; set; }
    public FormCode Form { get; set; }
    /// <summary>The form's case, by name (an <c>IncidentKind</c> for F501, "Designate" for F502…); null when the form has one case.</summary>
    public string? Kind { get; set; }
    public RequestStatus Status { get; set; }
    public RequestChannel Channel { get; set; }
    /// <summary>In what capacity the declarant filed the form; the rules check it against the registry.</summary>
    public RequesterCapacity Capacity { get; set; }
    /// <summary>The registry person who filed it (holder, legal representative, mandatary); null for an authority.</summary>
    public Guid? DeclarantPersonId { get; set; }
    public Person? DeclarantPerson { get; set; }
    /// <summary>Name as written on the form or said on the phone (an authority's name and department).</summary>
    public string? DeclarantName { get; set; }
    public Guid? StructureId { get; set; }
    public Structure? Structure { get; set; }
    /// <summary>The person the request is about (the card holder, the person ordered for).</summary>
    public Guid? PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>The card the request is about (incidents).</summary>
    public Guid? CardId { get; set; }
    public Card? Card { get; set; }
    public Guid? FiledByUserId { get; set; }
    public Guid? TicketId { get; set; }
    public Ticket? Ticket { get; set; }
    public string Details { get; set; } = "{}";
    /// <summary>Same key, same matter: a second identical filing while the first is open (or on the day it was done) returns the first.</summary>
    public string? DeduplicationKey { get; set; }
    /// <summary>The day the file became complete: card delays count from it (seeds/001).</summary>
    public DateOnly? CompleteFileReceivedOn { get; set; }
    /// <summary>The pieces the desk waits for, in French, while <see cref="RequestStatus.MissingPieces"/>.</summary>
    public List<string> MissingPieces { get; set; } = [];
    public DateTimeOffset? PiecesRequestedAt { get; set; }
    public DateTimeOffset? LastReminderAt { get; set; }
    public int ReminderCount { get; set; }
    /// <summary>Why the request was rejected; required for <see cref="RequestStatus.Rejected"/>.</summary>
    public string? RejectionReason { get; set; }
    /// <summary>When the request became Traitée or Rejetée.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
    public List<RequestEvent> Events { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>PostgreSQL xmin: a save over a version someone else changed fails instead of overwriting it.</summary>
    public uint Version { get; set; }
}

internal sealed class SupportRequestConfiguration : IEntityTypeConfiguration<SupportRequest>
{
    public void Configure(EntityTypeBuilder<SupportRequest> b)
    {
        b.ToTable("requests");
        b.Property(r => r.Number).HasMaxLength(24).IsRequired();
        b.Property(r => r.Form).HasMaxLength(8);
        b.Property(r => r.Kind).HasMaxLength(32);
        b.Property(r => r.Status).HasMaxLength(16);
        b.Property(r => r.Channel).HasMaxLength(16);
        b.Property(r => r.Capacity).HasMaxLength(24);
        b.Property(r => r.DeclarantName).HasMaxLength(200);
        b.Property(r => r.Details).HasColumnType("jsonb");
        b.Property(r => r.DeduplicationKey).HasMaxLength(120);
        b.Property(r => r.MissingPieces).HasColumnType("text[]");
        b.Property(r => r.RejectionReason).HasMaxLength(1000);
        b.Property(r => r.Version).IsRowVersion();
        b.HasOne(r => r.Structure).WithMany().HasForeignKey(r => r.StructureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.DeclarantPerson).WithMany().HasForeignKey(r => r.DeclarantPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Card).WithMany().HasForeignKey(r => r.CardId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Ticket).WithMany().HasForeignKey(r => r.TicketId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(r => r.Number).IsUnique().HasDatabaseName("ux_requests_number");
        b.HasIndex(r => new { r.StructureId, r.Status }).HasDatabaseName("ix_requests_structure_status");
        b.HasIndex(r => r.CardId).HasDatabaseName("ix_requests_card");
        b.HasIndex(r => r.TicketId).HasDatabaseName("ix_requests_ticket");
        b.HasIndex(r => r.DeclarantPersonId).HasDatabaseName("ix_requests_declarant");
        b.HasIndex(r => r.DeduplicationKey).HasDatabaseName("ix_requests_deduplication_key");
        // The reminder job reads the requests waiting for pieces, oldest first.
        b.HasIndex(r => r.PiecesRequestedAt).HasFilter("status = 'MissingPieces'").HasDatabaseName("ix_requests_missing_pieces");
    }
}
