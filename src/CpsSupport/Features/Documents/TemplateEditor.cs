using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Documents.Builders;
using Microsoft.Extensions.Logging;

namespace CpsSupport.Features.Documents;

/// <summary>A form or letter a supervisor may edit, as listed by the template editor.</summary>
public sealed record EditableTemplate(string Template, string Label, DateTime LastWriteUtc, long Length);

/// <summary>
/// The supervisors' template editor: lists the forms and letters, previews an unsaved text with a sample request,
/// and saves it to the templates folder only once it renders (the next document uses it, without a restart).
/// </summary>
public sealed class TemplateEditor(TemplateStore store, DocumentTemplateRenderer renderer, TimeProvider clock, ICurrentActor actor, ILogger<TemplateEditor> logger)
{
    public IReadOnlyList<EditableTemplate> List()
    {
        var files = store.ListDocuments().ToHashSet(StringComparer.Ordinal);
        return DocumentCatalog.All.Where(d => files.Contains(d.Template)).Select(d =>
        {
            var file = store.Read(d.Template);
            return new EditableTemplate(d.Template, d.Label, file.LastWriteUtc, file.Length);
        }).ToList();
    }

    /// <exception cref="DocumentException">Not a template of the catalog.</exception>
    public string Read(string template) => store.Read(Definition(template).Template).Text;

    /// <summary>Renders <paramref name="text"/> as <paramref name="template"/> with the sample request of that document.</summary>
    /// <exception cref="TemplateException">The text is wrong: French message naming the template (or partial) and line.</exception>
    public Task<DocumentHtml> PreviewAsync(string template, string text, CancellationToken ct = default)
    {
        var definition = Definition(template);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return renderer.RenderDraftAsync(definition.Template, text, definition.Build(DocumentSamples.For(definition, today)), ct);
    }

    /// <summary>
    /// Saves a supervisor's change after rendering it with the sample request: a template that does not render is
    /// never written, so a typo cannot stop the desk from generating documents.
    /// </summary>
    /// <exception cref="DocumentException">The user is not a supervisor.</exception>
    /// <exception cref="TemplateException">The text does not render; nothing was written.</exception>
    public async Task<EditableTemplate> SaveAsync(AccessScope scope, string template, string text, CancellationToken ct = default)
    {
        if (!scope.IsSupervisor) throw new DocumentException("Seul un superviseur modifie les modèles de documents.");
        var definition = Definition(template);
        await PreviewAsync(definition.Template, text, ct);
        var file = store.Save(definition.Template, text);
        logger.LogInformation("Template {Template} saved by {Actor} ({Length} bytes)", file.Name, actor.Name, file.Length);
        return new EditableTemplate(definition.Template, definition.Label, file.LastWriteUtc, file.Length);
    }

    private static DocumentDefinition Definition(string template)
    {
        try
        {
            return DocumentCatalog.Find(template) ?? throw new DocumentException($"« {template} » n'est pas un modèle de document modifiable.");
        }
        catch (ArgumentException)
        {
            throw new DocumentException($"« {template} » n'est pas un modèle de document modifiable.");
        }
    }
}
