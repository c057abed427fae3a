using CpsSupport.Data;
using CpsSupport.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Structures;

/// <summary>
/// A person allowed to order and manage the structure's software certificates (F413, changed by F503): request,
/// withdrawal, revocation and follow-up of the certificates (webinar 13/09/2022).
/// </summary>
public sealed class TechnicalAdministrator : IAudited, IHasTimestamps
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StructureId { get; set; }
    public Structure? Structure { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public DateOnly StartsOn { get; set; }
    /// <summary>Last day, inclusive; null while the designation runs.</summary>
    public DateOnly? EndsOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsActiveOn(DateOnly day) => StartsOn <= day && (EndsOn is null || EndsOn >= day);
}

internal sealed class TechnicalAdministratorConfiguration : IEntityTypeConfiguration<TechnicalAdministrator>
{
    public void Configure(EntityTypeBuilder<TechnicalAdministrator> b)
    {
        b.ToTable("technical_administrators");
        b.HasOne(t => t.Structure).WithMany().HasForeignKey(t => t.StructureId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(t => t.Person).WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.StructureId, t.PersonId }).HasDatabaseName("ix_technical_administrators_structure_person");
        b.HasIndex(t => t.PersonId).HasDatabaseName("ix_technical_administrators_person");
    }
}
