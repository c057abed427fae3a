using CpsSupport.Data;
using CpsSupport.Features.Cards;
using CpsSupport.Features.People;
using CpsSupport.Features.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Orders;

/// <summary>
/// One card of an order (F101, F201, F301, F414): the holder as written on the form, the card type, and the steps of
/// its production. The card row joins the registry when it is made (<see cref="CardId"/>).
/// </summary>
public sealed class OrderLine : IAudited, IHasTimestamps
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    public SupportRequest? Request { get; set; }
    /// <summary>1, 2, 3… in the order of the form (or of the imported file).</summary>
    public int Position { get; set; }
    public CardType CardType { get; set; }
    public required string LastName { get; set; }
    public required string FirstName { get; set; }
    public NationalIdKind NationalIdKind { get; set; }
    /// <summary>8+RPPS or 0+ADELI when the holder has one.</summary>
    public string? NationalId { get; set; }
    /// <summary>Profession (F201), job title (F101, F301) or test card name (F414).</summary>
    public required string Profession { get; set; }
    public string? Email { get; set; }
    public OrderLineStatus Status { get; set; }
    /// <summary>The registry person holding the card, once it is made.</summary>
    public Guid? PersonId { get; set; }
    public Guid? CardId { get; set; }
    public Card? Card { get; set; }
    public DateOnly? ExpectedOn { get; set; }
    public DateOnly? CodesExpectedOn { get; set; }
    public DateTimeOffset? ValidatedAt { get; set; }
    public DateTimeOffset? ManufacturedAt { get; set; }
    public DateTimeOffset? ShippedAt { get; set; }
    public DateTimeOffset? CodesSentAt { get; set; }
    public DateTimeOffset? ActivatedAt { get; set; }
    public DateTimeOffset? RejectedAt { get; set; }
    public string? RejectionReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>PostgreSQL xmin: the production job and an agent never both advance the same line.</summary>
    public uint Version { get; set; }

    public string HolderName => $"{FirstName} {LastName.ToUpperInvariant()}";
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> b)
    {
        b.ToTable("order_lines");
        b.Property(l => l.CardType).HasMaxLength(16);
        b.Property(l => l.LastName).HasMaxLength(100).IsRequired();
        b.Property(l => l.FirstName).HasMaxLength(100).IsRequired();
        b.Property(l => l.NationalIdKind).HasMaxLength(16);
        b.Property(l => l.NationalId).HasMaxLength(12);
        b.Property(l => l.Profession).HasMaxLength(100).IsRequired();
        b.Property(l => l.Email).HasMaxLength(254);
        b.Property(l => l.Status).HasMaxLength(16);
        b.Property(l => l.RejectionReason).HasMaxLength(1000);
        b.Property(l => l.Version).IsRowVersion();
        b.Ignore(l => l.HolderName);
        b.HasOne(l => l.Request).WithMany().HasForeignKey(l => l.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(l => l.Card).WithMany().HasForeignKey(l => l.CardId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Person>().WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.RequestId, l.Position }).IsUnique().HasDatabaseName("ux_order_lines_request_position");
        b.HasIndex(l => l.CardId).HasDatabaseName("ix_order_lines_card");
        b.HasIndex(l => l.PersonId).HasDatabaseName("ix_order_lines_person");
        // Duplicate checks look for open lines of the same holder.
        b.HasIndex(l => l.NationalId).HasDatabaseName("ix_order_lines_national_id");
        // The production job reads the lines still moving.
        b.HasIndex(l => l.Status).HasDatabaseName("ix_order_lines_status");
    }
}
