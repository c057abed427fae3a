using CpsSupport.Data;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Cards;

public enum PinLetterReason
{
    ForgottenPin,
    BlockedWithoutUnblockCode,
    CodesNotReceived,
}

/// <summary>
/// An order to send a card's secure PIN letter again (PIN and unblock code, printed by the card producer): when and
/// where. The codes themselves never reach this application — there is deliberately no column for them.
/// </summary>
public sealed class PinLetter : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CardId { get; set; }
    public Guid? RequestId { get; set; }
    public PinLetterReason Reason { get; set; }
    /// <summary>"Le lendemain ouvré de votre demande" (seeds/001).</summary>
    public DateOnly SendOn { get; set; }
    /// <summary>The holder's correspondence address at the time of the request.</summary>
    public Address To { get; set; } = new();
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class PinLetterConfiguration : IEntityTypeConfiguration<PinLetter>
{
    public void Configure(EntityTypeBuilder<PinLetter> b)
    {
        b.ToTable("pin_letters");
        b.Property(l => l.Reason).HasMaxLength(32);
        b.OwnsOne(l => l.To, a => a.ConfigureAddress());
        b.Navigation(l => l.To).IsRequired();
        b.HasOne<Card>().WithMany().HasForeignKey(l => l.CardId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SupportRequest>().WithMany().HasForeignKey(l => l.RequestId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(l => new { l.CardId, l.SendOn }).HasDatabaseName("ix_pin_letters_card_send_on");
        b.HasIndex(l => l.RequestId).HasDatabaseName("ix_pin_letters_request");
    }
}
