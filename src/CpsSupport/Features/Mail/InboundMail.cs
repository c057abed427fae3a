using CpsSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Mail;

public enum InboundMailStatus
{
    /// <summary>Became a ticket or a message of one.</summary>
    Processed,
    /// <summary>Read and kept, but no ticket on purpose (our own mail coming back, a bounce with no known ticket).</summary>
    Ignored,
    /// <summary>Failed: retried with back-off until <see cref="MailLimits.MaxAttempts"/>, then left to a supervisor.</summary>
    Quarantined,
    /// <summary>Discarded by a supervisor (audited).</summary>
    Discarded,
}

/// <summary>
/// Every message read from the support mailbox, once: the unique <see cref="DedupeKey"/> (Message-ID, else SHA-256 of
/// the raw message) makes a second delivery, or a rerun after a crash between commit and IMAP flag, a no-op.
/// The raw message is kept (content-addressed), so a quarantined one can be reprocessed and any one re-read.
/// Rows in <see cref="InboundMailStatus.Quarantined"/> are the quarantine.
/// </summary>
public sealed class InboundMail : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary><c>mid:</c> + Message-ID, or <c>sha256:</c> + hash of the raw message when it has none.</summary>
    public required string DedupeKey { get; set; }
    public string? MessageId { get; set; }
    /// <summary>SHA-256 of the raw message in <c>stored_files</c>; the headers only for a message over the size limit.</summary>
    public string? RawSha256 { get; set; }
    public long Size { get; set; }
    public string? FromAddress { get; set; }
    public string? Subject { get; set; }
    /// <summary>Where it was read: IMAP UID or file name (for the supervisor).</summary>
    public string? SourceRef { get; set; }
    public InboundMailStatus Status { get; set; }
    /// <summary>Why a message got no acknowledgement or no ticket ("réponse automatique", "rebond"…), or the quarantine error.</summary>
    public string? Note { get; set; }
    public string? Error { get; set; }
    public int Attempts { get; set; }
    /// <summary>Next automatic retry of a quarantined message; null once left to a supervisor.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
    public Guid? TicketId { get; set; }
    public bool AcknowledgementQueued { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
}

internal sealed class InboundMailConfiguration : IEntityTypeConfiguration<InboundMail>
{
    public void Configure(EntityTypeBuilder<InboundMail> b)
    {
        b.ToTable("inbound_mails");
        b.Property(m => m.DedupeKey).HasMaxLength(1000).IsRequired();
        b.Property(m => m.MessageId).HasMaxLength(998);
        b.Property(m => m.RawSha256).HasMaxLength(64).IsFixedLength();
        b.Property(m => m.FromAddress).HasMaxLength(254);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.SourceRef).HasMaxLength(300);
        b.Property(m => m.Status).HasMaxLength(16);
        b.Property(m => m.Note).HasMaxLength(500);
        b.Property(m => m.Error).HasMaxLength(4000);
        b.HasOne<CpsSupport.Features.Files.StoredFile>().WithMany().HasForeignKey(m => m.RawSha256).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CpsSupport.Features.Tickets.Ticket>().WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(m => m.DedupeKey).IsUnique().HasDatabaseName("ux_inbound_mails_dedupe_key");
        b.HasIndex(m => m.MessageId).HasDatabaseName("ix_inbound_mails_message_id");
        b.HasIndex(m => new { m.Status, m.NextAttemptAt }).HasDatabaseName("ix_inbound_mails_status_next_attempt")
            .HasFilter("status = 'Quarantined'");
    }
}

/// <summary>The mailbox as the supervisor sees it: last fetch, its error, what is left to read.</summary>
public sealed class MailboxState
{
    /// <summary>"Imap" or "Folder".</summary>
    public required string Source { get; set; }
    public DateTimeOffset? LastFetchAt { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>Messages waiting in the inbox at the end of the last fetch.</summary>
    public int Backlog { get; set; }
    public int LastFetchCount { get; set; }
}

internal sealed class MailboxStateConfiguration : IEntityTypeConfiguration<MailboxState>
{
    public void Configure(EntityTypeBuilder<MailboxState> b)
    {
        b.ToTable("mailbox_states");
        b.HasKey(s => s.Source);
        b.Property(s => s.Source).HasMaxLength(16);
        b.Property(s => s.LastError).HasMaxLength(2000);
    }
}
