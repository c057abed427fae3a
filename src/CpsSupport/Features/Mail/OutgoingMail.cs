using CpsSupport.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Mail;

public enum OutgoingMailKind
{
    /// <summary>Automatic acknowledgement of a ticket opened by mail (<c>Auto-Submitted: auto-replied</c>).</summary>
    Acknowledgement,
    /// <summary>A public reply written by an agent on the ticket.</summary>
    Reply,
    /// <summary>A message the desk sends on its own (e.g. a reminder of missing pieces).</summary>
    Notification,
}

public enum OutgoingMailStatus
{
    /// <summary>Waiting for its next attempt (<see cref="OutgoingMail.NextAttemptAt"/>).</summary>
    Pending,
    /// <summary>Claimed by a delivery run until <see cref="OutgoingMail.LockedUntil"/>.</summary>
    Sending,
    Sent,
    /// <summary>Given up after <see cref="MailLimits.MaxAttempts"/>: a supervisor may retry it.</summary>
    Failed,
}

/// <summary>
/// One message of the outbox, rendered when queued (subject, body, threading headers), so that delivery needs nothing
/// but this row and the files of its ticket message.
/// </summary>
public sealed class OutgoingMail
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public OutgoingMailKind Kind { get; set; }
    public OutgoingMailStatus Status { get; set; } = OutgoingMailStatus.Pending;
    public Guid? TicketId { get; set; }
    /// <summary>The ticket message this mail carries; its attachments go with it.</summary>
    public Guid? TicketMessageId { get; set; }
    /// <summary>Lower-case address, counted by the per-sender acknowledgement limit.</summary>
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    /// <summary>Message-ID without angle brackets (<c>guid@domain</c>), also recorded on the ticket message.</summary>
    public required string MessageId { get; set; }
    public string? InReplyTo { get; set; }
    /// <summary>Space-separated Message-IDs (without brackets), oldest first.</summary>
    public string? References { get; set; }
    /// <summary>Marks an automatic message (<c>Auto-Submitted: auto-replied</c>), so that auto-responders stay quiet.</summary>
    public bool AutoSubmitted { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> b)
    {
        b.Property(m => m.Kind).HasMaxLength(16);
        b.Property(m => m.Status).HasMaxLength(16);
        b.Property(m => m.ToAddress).HasMaxLength(254).IsRequired();
        b.Property(m => m.ToName).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(400).IsRequired();
        b.Property(m => m.TextBody).IsRequired();
        b.Property(m => m.MessageId).HasMaxLength(998).IsRequired();
        b.Property(m => m.InReplyTo).HasMaxLength(998);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.HasOne<Ticket>().WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<TicketMessage>().WithMany().HasForeignKey(m => m.TicketMessageId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(m => m.MessageId).IsUnique().HasDatabaseName("ux_outgoing_mails_message_id");
        // The delivery run's claim: due pending rows and expired claims.
        b.HasIndex(m => new { m.Status, m.NextAttemptAt }).HasDatabaseName("ix_outgoing_mails_status_next_attempt");
        // The acknowledgement limit: rows for one address in the last hour.
        b.HasIndex(m => new { m.ToAddress, m.Kind, m.CreatedAt }).HasDatabaseName("ix_outgoing_mails_to_kind_created");
        b.HasIndex(m => m.TicketId).HasDatabaseName("ix_outgoing_mails_ticket");
    }
}
