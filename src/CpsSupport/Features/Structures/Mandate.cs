using CpsSupport.Data;
using CpsSupport.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Structures;

/// <summary>A mandatary designated by the legal representative (F502): acts as the structure head for cards.</summary>
public sealed class Mandate : IAudited, IHasTimestamps
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StructureId { get; set; }
    public Structure? Structure { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public DateOnly StartsOn { get; set; }
    /// <summary>Last day of the mandate, inclusive; null while it runs.</summary>
    public DateOnly? EndsOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsActiveOn(DateOnly day) => StartsOn <= day && (EndsOn is null || EndsOn >= day);
}

internal sealed class MandateConfiguration : IEntityTypeConfiguration<Mandate>
{
    public void Configure(EntityTypeBuilder<Mandate> b)
    {
        b.HasOne(m => m.Structure).WithMany(s => s.Mandates).HasForeignKey(m => m.StructureId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.PersonId, m.StructureId }).HasDatabaseName("ix_mandates_person_structure");
    }
}
