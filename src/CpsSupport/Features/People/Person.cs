using CpsSupport.Data;
using CpsSupport.Features.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.People;

/// <summary>A card holder, legal representative or mandatary.</summary>
public sealed class Person : IAudited, IHasTimestamps
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public NationalIdKind NationalIdKind { get; set; }
    /// <summary>"8" + RPPS (12 characters) or "0" + ADELI (10 characters); null for staff without one.</summary>
    public string? NationalId { get; set; }
    public required string LastName { get; set; }
    public required string FirstName { get; set; }
    /// <summary>Health profession (Médecin, Pharmacien…) or job title for staff.</summary>
    public string? Profession { get; set; }
    public string? Email { get; set; }
    /// <summary>Set when mail to <see cref="Email"/> bounced (undeliverable address).</summary>
    public DateTimeOffset? EmailFailingAt { get; set; }
    public string? Phone { get; set; }
    public Address CorrespondenceAddress { get; set; } = new();
    /// <summary>
    /// Day the competent authority (Ordre, Service de santé des armées…) struck the professional off the RPPS roll:
    /// until then the CPS of an RPPS profession cannot be opposed for end of practice (seeds/001).
    /// </summary>
    public DateOnly? RadiatedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string FullName => $"{FirstName} {LastName.ToUpperInvariant()}";
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("people");
        b.Property(p => p.NationalIdKind).HasMaxLength(16);
        b.Property(p => p.NationalId).HasMaxLength(12);
        b.Property(p => p.LastName).HasMaxLength(100).IsRequired();
        b.Property(p => p.FirstName).HasMaxLength(100).IsRequired();
        b.Property(p => p.Profession).HasMaxLength(100);
        b.Property(p => p.Email).HasMaxLength(254);
        b.Property(p => p.Phone).HasMaxLength(30);
        b.OwnsOne(p => p.CorrespondenceAddress, a => a.ConfigureAddress());
        b.Navigation(p => p.CorrespondenceAddress).IsRequired();
        b.Ignore(p => p.FullName);
        b.HasIndex(p => p.NationalId).IsUnique().HasDatabaseName("ux_people_national_id");
        b.HasIndex(p => new { p.LastName, p.FirstName }).HasDatabaseName("ix_people_name");
        b.HasIndex(p => p.Email).HasDatabaseName("ix_people_email");
        // Ticket search by (part of) an e-mail address: LIKE '%…%' needs trigrams.
        b.HasIndex(p => p.Email, "ix_people_email_trgm").HasMethod("GIN").HasOperators("gin_trgm_ops").HasDatabaseName("ix_people_email_trgm");
        // Partial name search (ILIKE '%dupo%') in the registry and phone intake.
        b.HasIndex(p => p.LastName, "ix_people_last_name_trgm").HasMethod("GIN").HasOperators("gin_trgm_ops").HasDatabaseName("ix_people_last_name_trgm");
        b.HasIndex(p => p.FirstName, "ix_people_first_name_trgm").HasMethod("GIN").HasOperators("gin_trgm_ops").HasDatabaseName("ix_people_first_name_trgm");
    }
}
