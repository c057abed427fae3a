using CpsSupport.Features.Documents;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CpsSupport.Web.Features.Documents;

/// <summary>
/// The supervisors' template editor: a text area per form or letter, a live preview rendered with a sample request
/// after each pause in typing, and a save that refuses a template that does not render (French error with its line).
/// </summary>
public partial class TemplatesPage
{
    private IReadOnlyList<EditableTemplate> _templates = [];
    private string? _selected;
    private string _text = "";
    private string? _previewHtml;
    private bool _previewStale;
    private string? _error;
    private bool _dirty;
    private bool _saving;

    [Inject] private TemplateEditor Editor { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _templates = Editor.List();
        if (_templates.Count > 0) await OpenAsync(_templates[0].Template);
    }

    private async Task OpenAsync(string template)
    {
        _selected = template;
        _text = Editor.Read(template);
        _dirty = false;
        await PreviewAsync(_text);
    }

    private void OnTextChanged(string text)
    {
        _text = text;
        _dirty = true;
    }

    private async Task PreviewAsync(string text)
    {
        if (_selected is null) return;
        try
        {
            _previewHtml = (await Editor.PreviewAsync(_selected, text, Cancellation)).Html;
            _previewStale = false;
            _error = null;
        }
        catch (TemplateException e)
        {
            // The last valid rendering stays on screen, marked as such, while the error says what to fix.
            _previewStale = _previewHtml is not null;
            _error = e.Message;
        }
    }

    private async Task SaveAsync()
    {
        if (_selected is null) return;
        _saving = true;
        try
        {
            await Editor.SaveAsync(await GetScopeAsync(), _selected, _text, Cancellation);
            _dirty = false;
            _error = null;
            _templates = Editor.List();
            Snackbar.Add("Modèle enregistré : il sert dès le document suivant.", Severity.Success);
        }
        catch (Exception e) when (e is TemplateException or DocumentException)
        {
            _error = e.Message;
        }
        finally
        {
            _saving = false;
        }
    }
}
