using CpsSupport.Data;
using CpsSupport.Features.Files;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CpsSupport.Features.Documents;

/// <summary>
/// A form or letter generated for a request and/or a ticket. The PDF itself is a <see cref="StoredFile"/>,
/// stored once by its SHA-256; this row says what it is, for what, and who generated it when.
/// </summary>
public sealed class GeneratedDocument : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Template it was printed from, without extension (<c>forms/f501</c>, <c>letters/decision</c>).</summary>
    public required string Template { get; set; }

    /// <summary>The template's <c>document_title</c> at the time (« Déclaration d'incident sur carte CPx »).</summary>
    public required string Title { get; set; }

    /// <summary>Download name, e.g. <c>F501-REQ-2026-000042.pdf</c>.</summary>
    public required string FileName { get; set; }

    /// <summary>Lower-case hex SHA-256 of the PDF, key of its <see cref="StoredFile"/>.</summary>
    public required string Sha256 { get; set; }

    public long Size { get; set; }

    /// <summary>
    /// SHA-256 of the HTML the PDF was printed from. Chromium stamps each PDF with its creation time, so two prints
    /// of the same page differ by a few bytes: identical sources, not identical PDFs, tell that nothing changed.
    /// </summary>
    public required string SourceSha256 { get; set; }

    public Guid? RequestId { get; set; }
    public Guid? TicketId { get; set; }
    public DateTimeOffset GeneratedAt { get; set; }
    public Guid? GeneratedByUserId { get; set; }
    public required string GeneratedByName { get; set; }
}

internal sealed class GeneratedDocumentConfiguration : IEntityTypeConfiguration<GeneratedDocument>
{
    public void Configure(EntityTypeBuilder<GeneratedDocument> b)
    {
        b.ToTable("generated_documents", t =>
            t.HasCheckConstraint("ck_generated_documents_target", "request_id IS NOT NULL OR ticket_id IS NOT NULL"));
        b.Property(d => d.Template).HasMaxLength(100).IsRequired();
        b.Property(d => d.Title).HasMaxLength(200).IsRequired();
        b.Property(d => d.FileName).HasMaxLength(255).IsRequired();
        b.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        b.Property(d => d.SourceSha256).HasMaxLength(64).IsFixedLength().IsRequired();
        b.Property(d => d.GeneratedByName).HasMaxLength(200).IsRequired();
        b.HasOne<StoredFile>().WithMany().HasForeignKey(d => d.Sha256).OnDelete(DeleteBehavior.Restrict);
        // A document exists for its request or ticket only: it goes with them.
        b.HasOne<SupportRequest>().WithMany().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Ticket>().WithMany().HasForeignKey(d => d.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.RequestId, d.Template }).HasDatabaseName("ix_generated_documents_request_template");
        b.HasIndex(d => new { d.TicketId, d.Template }).HasDatabaseName("ix_generated_documents_ticket_template");
        b.HasIndex(d => d.Sha256).HasDatabaseName("ix_generated_documents_sha256");
        // One document per template, owner and source: two agents clicking « Générer » at once get the same document.
        // A request's documents are owned by the request (its ticket follows it); a ticket's own by the ticket.
        b.HasIndex(d => new { d.RequestId, d.Template, d.SourceSha256 }).IsUnique()
            .HasFilter("request_id IS NOT NULL").HasDatabaseName("ux_generated_documents_request_source");
        b.HasIndex(d => new { d.TicketId, d.Template, d.SourceSha256 }).IsUnique()
            .HasFilter("request_id IS NULL").HasDatabaseName("ux_generated_documents_ticket_source");
    }
}
