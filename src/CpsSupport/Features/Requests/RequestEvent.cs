using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Requests;

public enum RequestEventKind
{
    Created,
    StatusChanged,
    PiecesReceived,
    ReminderSent,
    Effect,
    TicketLinked,
}

/// <summary>One step of a request's timeline: every status change, reminder and effect, with who and when.</summary>
public sealed class RequestEvent
{
    public long Id { get; set; }
    public Guid RequestId { get; set; }
    public RequestEventKind Kind { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public Guid? UserId { get; set; }
    public RequestStatus? FromStatus { get; set; }
    public RequestStatus? ToStatus { get; set; }
    /// <summary>French text of the timeline ("Soumise → Pièces manquantes : copie d'une pièce d'identité").</summary>
    public required string Text { get; set; }
    /// <summary>The other entity of the event (card, ticket, mandate…), when there is one.</summary>
    public Guid? RelatedId { get; set; }
}

internal sealed class RequestEventConfiguration : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> b)
    {
        b.ToTable("request_events");
        b.Property(e => e.Kind).HasMaxLength(24);
        b.Property(e => e.Actor).HasMaxLength(200).IsRequired();
        b.Property(e => e.FromStatus).HasMaxLength(16);
        b.Property(e => e.ToStatus).HasMaxLength(16);
        b.Property(e => e.Text).HasMaxLength(2000).IsRequired();
        b.HasOne<SupportRequest>().WithMany(r => r.Events).HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.RequestId, e.At }).HasDatabaseName("ix_request_events_request_at");
    }
}
