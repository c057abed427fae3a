using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Documents;

/// <summary>
/// A filled PDF form found among a ticket's attachments, read and checked by <see cref="FilledFormReader"/>: what the
/// agent is offered as a pre-filled request.
/// </summary>
/// <param name="AttachmentId">The PDF, attached to a message of <paramref name="TicketId"/>.</param>
public sealed record FilledFormProposal(Guid AttachmentId, string FileName, Guid TicketId, FilledFormReading Reading)
{
    /// <summary>The form it seems to be (recognised from a field, the title or the first page's text), null when unknown.</summary>
    public FormCode? Form => Reading.Form;

    public bool HasErrors => Reading.HasErrors;
}

/// <summary>
/// Reads the PDF attachments of tickets for form fields (AcroForm) and proposes them as pre-filled requests. A PDF without
/// fields, or that is no readable PDF, gives no proposal: it stays attached as it is. Nothing is stored: the reading is
/// redone from the stored file each time, so a change of the reader's rules applies to files already received.
/// </summary>
public sealed class FilledFormService(IDbContextFactory<CpsDbContext> dbFactory, FilledFormReader reader)
{
    /// <summary>
    /// The proposal of one attachment, for trusted callers that act for the desk (mail ingestion, after it stored an
    /// incoming PDF): null when the attachment is not a PDF, has no form fields, or does not exist.
    /// </summary>
    public async Task<FilledFormProposal?> ProposeFromAttachmentAsync(Guid attachmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await PdfAttachments(db).Where(a => a.AttachmentId == attachmentId).SingleOrDefaultAsync(ct);
        return found is null ? null : await ProposeAsync(db, found, ct);
    }

    /// <summary>The proposal of one attachment, to desk staff only (a proposal is a step of the desk's work).</summary>
    public Task<FilledFormProposal?> ProposeFromAttachmentAsync(AccessScope scope, Guid attachmentId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.IsDesk ? ProposeFromAttachmentAsync(attachmentId, ct) : Task.FromResult<FilledFormProposal?>(null);
    }

    /// <summary>The proposals of every PDF attached to the ticket, oldest first; desk staff only.</summary>
    public async Task<IReadOnlyList<FilledFormProposal>> ProposeForTicketAsync(AccessScope scope, Guid ticketId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsDesk) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pdfs = await PdfAttachments(db).Where(a => a.TicketId == ticketId).OrderBy(a => a.CreatedAt).ThenBy(a => a.AttachmentId).ToListAsync(ct);
        var proposals = new List<FilledFormProposal>();
        foreach (var pdf in pdfs)
        {
            if (await ProposeAsync(db, pdf, ct) is { } proposal) proposals.Add(proposal);
        }

        return proposals;
    }

    private async Task<FilledFormProposal?> ProposeAsync(CpsDbContext db, PdfAttachment pdf, CancellationToken ct)
    {
        var content = await db.StoredFiles.AsNoTracking().Where(f => f.Sha256 == pdf.Sha256).Select(f => f.Content).SingleAsync(ct);
        var reading = await reader.ReadAsync(content, ct);
        return reading.Status == FilledFormStatus.Read ? new FilledFormProposal(pdf.AttachmentId, pdf.FileName, pdf.TicketId, reading) : null;
    }

    private static IQueryable<PdfAttachment> PdfAttachments(CpsDbContext db) =>
        db.Attachments.AsNoTracking()
            // Mail clients also send PDFs as application/octet-stream (or with capitals): the name tells then.
            .Where(a => a.ContentType.ToLower() == "application/pdf" || a.FileName.ToLower().EndsWith(".pdf"))
            .Join(db.TicketMessages, a => a.MessageId, m => m.Id, (a, m) => new PdfAttachment { AttachmentId = a.Id, FileName = a.FileName, Sha256 = a.Sha256, TicketId = m.TicketId, CreatedAt = a.CreatedAt });

    // Member initialisation (not a constructor) so that EF can filter and sort on the projection.
    private sealed class PdfAttachment
    {
        public Guid AttachmentId { get; init; }
        public required string FileName { get; init; }
        public required string Sha256 { get; init; }
        public Guid TicketId { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }
}
