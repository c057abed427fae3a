using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Audit;

/// <summary>Who changed what, when: one row per changed entity per save.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; set; }
    public required string Actor { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    /// <summary>Added, Modified or Deleted.</summary>
    public required string Action { get; set; }
    /// <summary>JSON object: property name → { "old": …, "new": … }.</summary>
    public string Changes { get; set; } = "{}";
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.Property(e => e.Actor).HasMaxLength(200).IsRequired();
        b.Property(e => e.EntityType).HasMaxLength(100).IsRequired();
        b.Property(e => e.EntityId).HasMaxLength(64).IsRequired();
        b.Property(e => e.Action).HasMaxLength(16).IsRequired();
        b.Property(e => e.Changes).HasColumnType("jsonb");
        b.HasIndex(e => new { e.EntityType, e.EntityId, e.At }).HasDatabaseName("ix_audit_events_entity");
        b.HasIndex(e => e.At).HasDatabaseName("ix_audit_events_at");
    }
}
