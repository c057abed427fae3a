using CpsSupport.Data;
using CpsSupport.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Structures;

/// <summary>A health structure whose staff hold cards: a practice, an establishment, a company.</summary>
public sealed class Structure : IAudited, IHasTimestamps
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public StructureKind Kind { get; set; }
    public required string Name { get; set; }
    public string? Finess { get; set; }
    public string? Siret { get; set; }
    public string? Siren { get; set; }
    public Address DeliveryAddress { get; set; } = new();
    public Address CorrespondenceAddress { get; set; } = new();
    /// <summary>The membership contract ("contrat d'adhésion") is a prerequisite of CPA orders.</summary>
    public bool HasMembershipContract { get; set; }
    public Guid? LegalRepresentativeId { get; set; }
    public Person? LegalRepresentative { get; set; }
    public List<Mandate> Mandates { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class StructureConfiguration : IEntityTypeConfiguration<Structure>
{
    public void Configure(EntityTypeBuilder<Structure> b)
    {
        b.Property(s => s.Name).HasMaxLength(200).IsRequired();
        b.Property(s => s.Finess).HasMaxLength(9);
        b.Property(s => s.Siret).HasMaxLength(14);
        b.Property(s => s.Siren).HasMaxLength(9);
        b.Property(s => s.Kind).HasMaxLength(32);
        b.OwnsOne(s => s.DeliveryAddress, a => a.ConfigureAddress());
        b.OwnsOne(s => s.CorrespondenceAddress, a => a.ConfigureAddress());
        b.Navigation(s => s.DeliveryAddress).IsRequired();
        b.Navigation(s => s.CorrespondenceAddress).IsRequired();
        b.HasOne(s => s.LegalRepresentative).WithMany().HasForeignKey(s => s.LegalRepresentativeId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(s => s.Finess).IsUnique().HasDatabaseName("ux_structures_finess");
        b.HasIndex(s => s.Siret).HasDatabaseName("ix_structures_siret");
        b.HasIndex(s => s.Name).HasDatabaseName("ix_structures_name");
        b.HasIndex(s => s.Siren).HasDatabaseName("ix_structures_siren");
        b.HasIndex(s => s.Name, "ix_structures_name_trgm").HasMethod("GIN").HasOperators("gin_trgm_ops").HasDatabaseName("ix_structures_name_trgm");
    }
}
