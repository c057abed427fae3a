using System.Security.Cryptography;

namespace CpsSupport.Features.Documents;

/// <summary>Prints the forms and letters of <c>templates/</c> to PDF from a model, and gives their HTML preview. Stores nothing.</summary>
public sealed class DocumentRenderer(DocumentTemplateRenderer templates, ChromiumPdfRenderer pdf, TimeProvider clock)
{
    /// <summary>
    /// Renders <paramref name="templateName"/> (<c>forms/f501</c>) with <paramref name="model"/> and prints it to A4 PDF.
    /// The template is checked before Chromium is involved: a broken template costs no browser time.
    /// </summary>
    /// <exception cref="TemplateException">The template is missing or wrong (French message naming template and line).</exception>
    /// <exception cref="DocumentRenderException">Chromium could not print the page.</exception>
    public async Task<RenderedDocument> RenderAsync(string templateName, object model, CancellationToken cancellationToken = default) =>
        await PrintAsync(await templates.RenderAsync(templateName, model, cancellationToken), cancellationToken);

    /// <summary>Prints HTML already rendered by <see cref="PreviewAsync"/>.</summary>
    /// <exception cref="DocumentRenderException">Chromium could not print the page.</exception>
    public async Task<RenderedDocument> PrintAsync(DocumentHtml html, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        var bytes = await pdf.RenderAsync(new PdfRenderRequest(html.Html, html.Reference, html.FooterCss), cancellationToken);
        return new RenderedDocument(
            html.TemplateName,
            html.Title,
            bytes,
            Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Path.GetFileNameWithoutExtension(html.TemplateName) + ".pdf",
            clock.GetUtcNow());
    }

    /// <summary>The HTML the PDF would be printed from, for an on-screen preview before generating.</summary>
    /// <exception cref="TemplateException">The template is missing or wrong.</exception>
    public Task<DocumentHtml> PreviewAsync(string templateName, object model, CancellationToken cancellationToken = default) =>
        templates.RenderAsync(templateName, model, cancellationToken);
}
