using CpsSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace CpsSupport.Features.Tickets;

public enum TicketMessageKind
{
    PublicReply,
    InternalNote,
    PhoneNote,
    IncomingMail,
}

/// <summary>One entry of a ticket's conversation.</summary>
public sealed class TicketMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TicketId { get; set; }
    public TicketMessageKind Kind { get; set; }
    public required string Body { get; set; }
    public string? AuthorName { get; set; }
    public Guid? AuthorUserId { get; set; }
    /// <summary>RFC 5322 Message-ID of a mail, used for threading and deduplication.</summary>
    public string? MessageId { get; set; }
    /// <summary>HTML of an incoming mail, sanitized when it was read (no script, handler, javascript: URL or remote content); shown instead of <see cref="Body"/>.</summary>
    public string? Html { get; set; }
    public List<Attachment> Attachments { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Generated French full-text vector of the body.</summary>
    public NpgsqlTsVector SearchVector { get; set; } = null!;
}

internal sealed class TicketMessageConfiguration : IEntityTypeConfiguration<TicketMessage>
{
    public void Configure(EntityTypeBuilder<TicketMessage> b)
    {
        b.Property(m => m.Kind).HasMaxLength(16);
        b.Property(m => m.AuthorName).HasMaxLength(200);
        b.Property(m => m.MessageId).HasMaxLength(998);
        b.HasOne<Ticket>().WithMany(t => t.Messages).HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.TicketId, m.CreatedAt }).HasDatabaseName("ix_ticket_messages_ticket_created_at");
        b.HasIndex(m => m.MessageId).HasDatabaseName("ix_ticket_messages_message_id");
        b.HasGeneratedTsVectorColumn(m => m.SearchVector, SearchConfiguration.Name, m => new { m.Body })
            .HasIndex(m => m.SearchVector).HasMethod("GIN").HasDatabaseName("ix_ticket_messages_search");
    }
}
