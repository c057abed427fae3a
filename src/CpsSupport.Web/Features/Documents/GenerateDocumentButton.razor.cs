using CpsSupport.Features.Documents;
using CpsSupport.Web.Components;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CpsSupport.Web.Features.Documents;

/// <summary>
/// « Générer le document » for a request and/or a ticket: the agent picks a form or letter, the server renders, stores
/// and lists it with a download link (<c>/documents/{id}</c>). An identical document already stored is given back, not
/// printed again; « Régénérer » renders it anew from today's data.
/// </summary>
public partial class GenerateDocumentButton
{
    private IReadOnlyList<DocumentChoice> _choices = [];
    private IReadOnlyList<GeneratedDocumentInfo> _documents = [];
    private string? _template;
    private DocumentHtml? _preview;
    private string? _error;
    private bool _busy;
    private DocumentTarget? _loaded;

    /// <summary>The request the document is for; its ticket follows.</summary>
    [Parameter] public Guid? RequestId { get; set; }

    /// <summary>The ticket, for a document of a ticket without request.</summary>
    [Parameter] public Guid? TicketId { get; set; }

    /// <summary>The templates offered; by default, those the service allows for the request or ticket.</summary>
    [Parameter] public IReadOnlyList<DocumentChoice>? Templates { get; set; }

    [Inject] private DocumentService Documents { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private DocumentTarget Target => RequestId is { } request ? DocumentTarget.ForRequest(request) : new DocumentTarget(null, TicketId);

    protected override async Task OnParametersSetAsync()
    {
        // The host page re-renders often (presence, timeline): load again only when the target changes.
        if ((RequestId is null && TicketId is null) || Target == _loaded) return;
        _loaded = Target;
        var scope = await GetScopeAsync();
        _choices = Templates ?? await Documents.AvailableAsync(scope, Target, Cancellation);
        _template ??= _choices.FirstOrDefault()?.Template;
        _documents = await Documents.ListAsync(scope, Target, Cancellation);
    }

    private bool HasDocumentOf(string? template) => template is not null && _documents.Any(d => d.Template == template);

    private async Task GenerateAsync(bool regenerate)
    {
        if (_template is null) return;
        await RunAsync(async scope =>
        {
            var generation = await Documents.GenerateAsync(scope, Target, _template, regenerate, Cancellation);
            _documents = await Documents.ListAsync(scope, Target, Cancellation);
            Snackbar.Add(generation.Reused
                ? $"{generation.Document.Title} : document déjà généré le {Labels.DateTime(generation.Document.GeneratedAt)}, identique ; téléchargez-le ci-dessous."
                : $"{generation.Document.Title} généré.", generation.Reused ? Severity.Info : Severity.Success);
        });
    }

    private Task PreviewAsync() =>
        _template is null ? Task.CompletedTask : RunAsync(async scope => _preview = await Documents.PreviewAsync(scope, Target, _template, Cancellation));

    // Template, data and printing errors carry French messages for the agent; anything else is a bug and propagates.
    private async Task RunAsync(Func<CpsSupport.Features.Access.AccessScope, Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            await action(await GetScopeAsync());
        }
        catch (Exception e) when (e is DocumentException or TemplateException or DocumentRenderException)
        {
            _error = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
