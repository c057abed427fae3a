using System.Security.Cryptography;
using System.Text;
using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Calendar;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Documents.Builders;
using CpsSupport.Features.Files;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CpsSupport.Features.Documents;

/// <summary>
/// Generates the forms and letters of a request or ticket, stores them (the PDF once by its SHA-256, linked to the
/// request and its ticket) and gives them back to the users allowed to see them.
/// </summary>
public sealed class DocumentService(
    IDbContextFactory<CpsDbContext> dbFactory,
    DocumentTemplateRenderer templates,
    DocumentRenderer renderer,
    TemplateStore store,
    TimeProvider clock,
    ICurrentActor actor,
    BusinessCalendar calendar,
    ILogger<DocumentService> logger)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>The documents that can be generated for the target: a request's own form and the letters; for a ticket alone, all of them.</summary>
    public async Task<IReadOnlyList<DocumentChoice>> AvailableAsync(AccessScope scope, DocumentTarget target, CancellationToken ct = default)
    {
        if (!scope.IsDesk) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        FormCode? form = target.RequestId is { } id
            ? await db.Requests.Where(r => r.Id == id).Select(r => (FormCode?)r.Form).SingleOrDefaultAsync(ct)
            : null;
        var existing = store.ListDocuments().ToHashSet(StringComparer.Ordinal);
        return DocumentCatalog.For(form).Where(d => existing.Contains(d.Template)).Select(d => new DocumentChoice(d.Template, d.Label)).ToList();
    }

    /// <summary>
    /// Generates <paramref name="template"/> for a request or ticket, desk staff only. Documents are regenerated only on
    /// demand: without <paramref name="regenerate"/>, the last one of that template is given back as it is; with it, the
    /// document is rendered anew from today's data, and when its source is identical to a stored one, that one is reused.
    /// </summary>
    /// <exception cref="DocumentException">Not desk staff, unknown template or target, or a form that is not the request's.</exception>
    /// <exception cref="TemplateException">The template is wrong (French message naming template and line).</exception>
    /// <exception cref="DocumentRenderException">Chromium could not print it.</exception>
    public Task<DocumentGeneration> GenerateAsync(AccessScope scope, DocumentTarget target, string template, bool regenerate = false, CancellationToken ct = default)
    {
        if (!scope.IsDesk) throw new DocumentException("Seul le service support génère des documents.");
        return GenerateAsync(target, template, regenerate, actor.UserId, actor.Name, ct);
    }

    /// <summary>
    /// Generates every document of a bulk order, for <see cref="Jobs.RenderDocumentsJob"/>: the desk agent who ordered
    /// it was checked when it was enqueued. Documents already stored are reused, so a retried batch redoes only what failed.
    /// </summary>
    public async Task<IReadOnlyList<DocumentGeneration>> GenerateBatchAsync(IReadOnlyList<DocumentOrder> orders, string requestedBy, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var results = new DocumentGeneration[orders.Count];
        // The renderer bounds Chromium; two at a time keeps both its slots busy without queuing database contexts.
        await Parallel.ForEachAsync(Enumerable.Range(0, orders.Count), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct }, async (i, token) =>
            results[i] = await GenerateAsync(orders[i].Target, orders[i].Template, regenerate: false, null, requestedBy, token));
        return results;
    }

    /// <summary>The HTML of the document as it would be generated now, for the preview.</summary>
    public async Task<DocumentHtml> PreviewAsync(AccessScope scope, DocumentTarget target, string template, CancellationToken ct = default)
    {
        if (!scope.IsDesk) throw new DocumentException("Seul le service support génère des documents.");
        var definition = Definition(template);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await LoadAsync(db, target, actor.Name, ct);
        EnsureApplies(definition, source);
        return await templates.RenderAsync(definition.Template, definition.Build(source), ct);
    }

    /// <summary>The documents of a request (or of a ticket, its requests' included) that the user may see, newest first.</summary>
    public async Task<IReadOnlyList<GeneratedDocumentInfo>> ListAsync(AccessScope scope, DocumentTarget target, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.GeneratedDocuments.AsNoTracking().VisibleTo(scope, db.Requests, db.Tickets);
        query = target switch
        {
            { RequestId: { } requestId } => query.Where(d => d.RequestId == requestId),
            { TicketId: { } ticketId } => query.Where(d => d.TicketId == ticketId || db.Requests.Any(r => r.Id == d.RequestId && r.TicketId == ticketId)),
            _ => query.Where(_ => false),
        };
        return await query.OrderByDescending(d => d.GeneratedAt).ThenByDescending(d => d.Id).Select(Info).ToListAsync(ct);
    }

    /// <summary>A document's PDF, when the user may see it: desk staff always, portal users for their structures' requests and tickets.</summary>
    public async Task<DocumentContent?> OpenAsync(AccessScope scope, Guid documentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.GeneratedDocuments.AsNoTracking().VisibleTo(scope, db.Requests, db.Tickets)
            .Where(d => d.Id == documentId)
            .Select(d => new { d.FileName, Content = db.StoredFiles.Where(f => f.Sha256 == d.Sha256).Select(f => f.Content).Single() })
            .SingleOrDefaultAsync(ct);
        return found is null ? null : new DocumentContent(found.FileName, "application/pdf", found.Content);
    }

    private async Task<DocumentGeneration> GenerateAsync(DocumentTarget target, string template, bool regenerate, Guid? userId, string userName, CancellationToken ct)
    {
        var definition = Definition(template);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await LoadAsync(db, target, userName, ct);
        EnsureApplies(definition, source);

        var requestId = source.Request?.Id;
        var ticketId = source.Request?.TicketId ?? source.Ticket?.Id;
        var sameKind = db.GeneratedDocuments.Where(d => d.Template == definition.Template);
        sameKind = requestId is not null ? sameKind.Where(d => d.RequestId == requestId) : sameKind.Where(d => d.RequestId == null && d.TicketId == ticketId);

        if (!regenerate && await sameKind.OrderByDescending(d => d.GeneratedAt).ThenByDescending(d => d.Id).Select(Info).FirstOrDefaultAsync(ct) is { } last)
        {
            return new DocumentGeneration(last, Reused: true);
        }

        var html = await templates.RenderAsync(definition.Template, definition.Build(source), ct);
        var sourceHash = FileStore.Hash(Encoding.UTF8.GetBytes(string.Join('\0', html.Html, html.Reference, html.FooterCss)));
        if (await sameKind.Where(d => d.SourceSha256 == sourceHash).Select(Info).FirstOrDefaultAsync(ct) is { } identical)
        {
            return new DocumentGeneration(identical, Reused: true);
        }

        var printed = await renderer.PrintAsync(html, ct);
        var now = clock.GetUtcNow();
        var document = new GeneratedDocument
        {
            Template = definition.Template,
            Title = printed.Title,
            FileName = FileNameFor(definition, source),
            Sha256 = await FileStore.AddAsync(db, printed.Pdf, now, ct),
            Size = printed.Pdf.LongLength,
            SourceSha256 = sourceHash,
            RequestId = requestId,
            TicketId = ticketId,
            GeneratedAt = now,
            GeneratedByUserId = userId,
            GeneratedByName = userName,
        };
        db.GeneratedDocuments.Add(document);
        try
        {
            await FileStore.SaveChangesAsync(db, ct);
        }
        catch (DbUpdateException e) when (IsDuplicateSource(e))
        {
            // Another click (or instance) stored the same document while this one printed: give that one back.
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            var sameSource = fresh.GeneratedDocuments.AsNoTracking().Where(d => d.Template == definition.Template && d.SourceSha256 == sourceHash);
            sameSource = requestId is not null ? sameSource.Where(d => d.RequestId == requestId) : sameSource.Where(d => d.RequestId == null && d.TicketId == ticketId);
            logger.LogInformation("Document {Template} for {Reference} was generated concurrently; the stored one is reused", definition.Template, source.Reference);
            return new DocumentGeneration(await sameSource.Select(Info).SingleAsync(ct), Reused: true);
        }

        logger.LogInformation("Document {Template} generated for {Reference} ({Size} bytes, {Sha256})", definition.Template, source.Reference, document.Size, document.Sha256);
        return new DocumentGeneration(ToInfo(document), Reused: false);
    }

    private static bool IsDuplicateSource(DbUpdateException e) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
        && pg.ConstraintName is "ux_generated_documents_request_source" or "ux_generated_documents_ticket_source";

    private async Task<DocumentSource> LoadAsync(CpsDbContext db, DocumentTarget target, string signatoryName, CancellationToken ct)
    {
        SupportRequest? request = null;
        if (target.RequestId is { } requestId)
        {
            request = await db.Requests.AsNoTracking()
                .Include(r => r.Structure).ThenInclude(s => s!.LegalRepresentative)
                .Include(r => r.Person)
                .SingleOrDefaultAsync(r => r.Id == requestId, ct)
                ?? throw new DocumentException("Demande introuvable.");
            if (target.TicketId is { } given && request.TicketId != given)
                throw new DocumentException($"La demande {request.Number} n'est pas rattachée à ce ticket.");
        }

        Ticket? ticket = null;
        if ((request?.TicketId ?? target.TicketId) is { } ticketId)
        {
            ticket = await db.Tickets.AsNoTracking()
                .Include(t => t.Person)
                .Include(t => t.Structure).ThenInclude(s => s!.LegalRepresentative)
                .Include(t => t.Cards).ThenInclude(c => c.Card)
                .AsSplitQuery()
                .SingleOrDefaultAsync(t => t.Id == ticketId, ct)
                ?? throw new DocumentException("Ticket introuvable.");
        }

        if (request is null && ticket is null) throw new DocumentException("Indiquez la demande ou le ticket du document.");
        var person = request?.Person ?? ticket?.Person;
        var structure = request?.Structure ?? ticket?.Structure;
        var cards = ticket?.Cards.Select(c => c.Card!).ToList() ?? [];
        if (person is not null)
        {
            var linked = cards.Select(c => c.Id).ToHashSet();
            cards.AddRange((await db.Cards.AsNoTracking().Where(c => c.HolderId == person.Id)
                .OrderByDescending(c => c.ValidUntil).ThenByDescending(c => c.CreatedAt).ToListAsync(ct)).Where(c => !linked.Contains(c.Id)));
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Paris).DateTime);
        return new DocumentSource(request, ticket, person, structure, cards, RequestDetails.Parse(request?.Details), today, signatoryName, calendar);
    }

    private static DocumentDefinition Definition(string template)
    {
        try
        {
            return DocumentCatalog.Find(template) ?? throw new DocumentException($"Aucun document « {template} » n'est prévu.");
        }
        catch (ArgumentException)
        {
            throw new DocumentException($"Aucun document « {template} » n'est prévu.");
        }
    }

    private static void EnsureApplies(DocumentDefinition definition, DocumentSource source)
    {
        if (definition.Form is { } form && source.Request is { } request && request.Form != form)
            throw new DocumentException($"La demande {request.Number} est un formulaire {request.Form} : le formulaire {form} ne s'y applique pas.");
    }

    private static string FileNameFor(DocumentDefinition definition, DocumentSource source)
    {
        var name = definition.Template[(definition.Template.LastIndexOf('/') + 1)..];
        var reference = string.Concat(source.Reference.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_'));
        return $"{(definition.IsLetter ? name : name.ToUpperInvariant())}-{reference}.pdf";
    }

    private static readonly System.Linq.Expressions.Expression<Func<GeneratedDocument, GeneratedDocumentInfo>> Info = d =>
        new GeneratedDocumentInfo(d.Id, d.Template, d.Title, d.FileName, d.Size, d.Sha256, d.RequestId, d.TicketId, d.GeneratedAt, d.GeneratedByName);

    private static GeneratedDocumentInfo ToInfo(GeneratedDocument d) =>
        new(d.Id, d.Template, d.Title, d.FileName, d.Size, d.Sha256, d.RequestId, d.TicketId, d.GeneratedAt, d.GeneratedByName);
}
