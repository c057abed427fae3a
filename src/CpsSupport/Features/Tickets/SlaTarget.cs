using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Tickets;

/// <summary>A supervisor's first-response and resolution targets for one category, in business hours.</summary>
public sealed class SlaTarget
{
    public TicketCategory Category { get; set; }
    public double FirstResponseHours { get; set; }
    public double ResolutionHours { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

internal sealed class SlaTargetConfiguration : IEntityTypeConfiguration<SlaTarget>
{
    public void Configure(EntityTypeBuilder<SlaTarget> b)
    {
        b.ToTable("sla_targets");
        b.HasKey(t => t.Category);
        b.Property(t => t.Category).HasMaxLength(40);
        b.Property(t => t.UpdatedBy).HasMaxLength(200);
    }
}
