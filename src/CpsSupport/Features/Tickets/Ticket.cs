using CpsSupport.Data;
using CpsSupport.Features.Accounts;
using CpsSupport.Features.People;
using CpsSupport.Features.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace CpsSupport.Features.Tickets;

/// <summary>A support case: who asked, about whom and which cards, where it stands and when it is due.</summary>
public sealed class Ticket : IAudited, IHasTimestamps
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Human-readable number, e.g. CPS-2026-000123.</summary>
    public required string Number { get; set; }
    public required string Subject { get; set; }
    public TicketChannel Channel { get; set; }
    public TicketState State { get; set; }
    public TicketCategory Category { get; set; } = TicketCategory.Other;
    public TicketPriority Priority { get; set; } = TicketPriority.Normal;

    public string? RequesterName { get; set; }
    public string? RequesterEmail { get; set; }
    public string? RequesterPhone { get; set; }
    /// <summary>Set when mail to <see cref="RequesterEmail"/> bounced: the desk should reach the requester another way.</summary>
    public DateTimeOffset? RequesterEmailFailingAt { get; set; }
    public RequesterCapacity RequesterCapacity { get; set; } = RequesterCapacity.Holder;

    public Guid? PersonId { get; set; }
    public Person? Person { get; set; }
    public Guid? StructureId { get; set; }
    public Structure? Structure { get; set; }
    public List<TicketCard> Cards { get; set; } = [];

    public Guid? QueueId { get; set; }
    public TicketQueue? Queue { get; set; }
    public Guid? AssigneeId { get; set; }
    public AppUser? Assignee { get; set; }
    public List<string> Tags { get; set; } = [];

    /// <summary>Set when an agent first answers the requester (public reply or call note).</summary>
    public DateTimeOffset? FirstRespondedAt { get; set; }
    public DateTimeOffset? FirstResponseDueAt { get; set; }
    /// <summary>Null while the SLA clock is paused (waiting on the requester) or once resolved.</summary>
    public DateTimeOffset? ResolutionDueAt { get; set; }
    /// <summary>Business time of the resolution target left when the clock was paused.</summary>
    public TimeSpan? ResolutionRemaining { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Set by the overdue job when the ticket passed its due date; cleared when the due date moves.</summary>
    public DateTimeOffset? EscalatedAt { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>The surviving ticket when this one was merged into it.</summary>
    public Guid? MergedIntoId { get; set; }

    public List<TicketMessage> Messages { get; set; } = [];
    public List<TicketEvent> Events { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin: a save over a version someone else changed fails instead of overwriting it.</summary>
    public uint Version { get; set; }

    /// <summary>Generated French full-text vector of number, subject and requester (see migration Ticketing).</summary>
    public NpgsqlTsVector SearchVector { get; set; } = null!;
}

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    /// <summary>The open tickets of the saved views (<see cref="TicketQueryService"/>): not resolved, closed or merged.</summary>
    private const string OpenFilter = "state NOT IN ('Resolved', 'Closed') AND merged_into_id IS NULL";

    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.Property(t => t.Number).HasMaxLength(20).IsRequired();
        b.Property(t => t.Subject).HasMaxLength(300).IsRequired();
        b.Property(t => t.Channel).HasMaxLength(16);
        b.Property(t => t.State).HasMaxLength(24);
        b.Property(t => t.Category).HasMaxLength(40);
        b.Property(t => t.Priority).HasMaxLength(16);
        b.Property(t => t.RequesterName).HasMaxLength(200);
        b.Property(t => t.RequesterEmail).HasMaxLength(254);
        b.Property(t => t.RequesterPhone).HasMaxLength(30);
        b.Property(t => t.RequesterCapacity).HasMaxLength(24);
        b.Property(t => t.Tags).HasColumnType("text[]");
        b.Property(t => t.Version).IsRowVersion();
        b.HasGeneratedTsVectorColumn(t => t.SearchVector, SearchConfiguration.Name, t => new { t.Number, t.Subject, t.RequesterName, t.RequesterEmail })
            .HasIndex(t => t.SearchVector).HasMethod("GIN").HasDatabaseName("ix_tickets_search");
        b.HasOne(t => t.Person).WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(t => t.Structure).WithMany().HasForeignKey(t => t.StructureId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(t => t.Queue).WithMany().HasForeignKey(t => t.QueueId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(t => t.Assignee).WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Ticket>().WithMany().HasForeignKey(t => t.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => t.Number).IsUnique().HasDatabaseName("ux_tickets_number");
        b.HasIndex(t => new { t.State, t.CreatedAt }).HasDatabaseName("ix_tickets_state_created_at");
        // The saved views: open tickets by due date, per assignee ("Mes tickets", "Non assignés"), per queue. Partial, like
        // ix_tickets_open_due: a desk's tickets are mostly closed, and a full index would walk them all to find the open ones.
        b.HasIndex(t => new { t.AssigneeId, t.ResolutionDueAt }, "ix_tickets_open_assignee_due").HasDatabaseName("ix_tickets_open_assignee_due")
            .HasFilter(OpenFilter);
        b.HasIndex(t => new { t.QueueId, t.ResolutionDueAt }, "ix_tickets_open_queue_due").HasDatabaseName("ix_tickets_open_queue_due")
            .HasFilter(OpenFilter);
        b.HasIndex(t => t.ResolutionDueAt, "ix_tickets_open_due").HasDatabaseName("ix_tickets_open_due").HasFilter(OpenFilter);
        // "En attente du demandeur": paused tickets have no due date, so the view is in id order; without this index the
        // page reads every waiting ticket to sort them.
        b.HasIndex(t => new { t.ResolutionDueAt, t.Id }, "ix_tickets_waiting").HasDatabaseName("ix_tickets_waiting")
            .HasFilter("state = 'WaitingForRequester' AND merged_into_id IS NULL");
        b.HasIndex(t => t.PersonId).HasDatabaseName("ix_tickets_person");
        b.HasIndex(t => t.StructureId).HasDatabaseName("ix_tickets_structure");
        b.HasIndex(t => t.Tags).HasMethod("GIN").HasDatabaseName("ix_tickets_tags");
        b.HasIndex(t => t.RequesterEmail, "ix_tickets_requester_email_trgm").HasMethod("GIN").HasOperators("gin_trgm_ops").HasDatabaseName("ix_tickets_requester_email_trgm");
        b.HasIndex(t => t.Number, "ix_tickets_number_trgm").HasMethod("GIN").HasOperators("gin_trgm_ops").HasDatabaseName("ix_tickets_number_trgm");
    }
}
