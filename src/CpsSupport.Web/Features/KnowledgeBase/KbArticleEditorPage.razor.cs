using CpsSupport.Features.KnowledgeBase;
using CpsSupport.Web.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace CpsSupport.Web.Features.KnowledgeBase;

/// <summary>
/// Supervisors write or edit an article with a live preview. The save goes over the version loaded here: if someone
/// saved meanwhile, the French conflict message is shown and the typed text stays on screen to be copied.
/// </summary>
public partial class KbArticleEditorPage
{
    private static readonly KbPlaceholderValues SampleValues = new("Demandeur", "CPS-0000-000000");

    private KbArticleDetail? _original;
    private string? _title;
    private string? _slug;
    private string? _tags;
    private string? _body;
    private string? _error;
    private bool _conflict;
    private bool _loading = true;
    private bool _saving;
    private bool _saved;

    [Inject] private KnowledgeBaseService KnowledgeBase { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    /// <summary>The article to edit; absent on the "new article" route.</summary>
    [Parameter] public string? Slug { get; set; }

    private bool IsEdit => Slug is not null;
    private string PageTitleText => _original is null ? "Nouvel article" : $"Modifier « {_original.Title} »";
    private string ArticleHref => $"/base-de-connaissances/{_original?.Slug}";
    private string SlugPreview => string.IsNullOrWhiteSpace(_title) ? "…" : KnowledgeBaseService.SlugFrom(_title);
    private List<string> TagList => KnowledgeBaseService.NormalizeTags((_tags ?? "").Split(','));
    private IReadOnlyList<string> UnknownPlaceholders => KnowledgeBaseService.Render(_body ?? "", SampleValues).Unknown;

    private bool IsDirty => !_saved && (_original is null
        ? !string.IsNullOrWhiteSpace(_title) || !string.IsNullOrWhiteSpace(_body)
        : _title != _original.Title || _body != _original.Body || !TagList.SequenceEqual(_original.Tags));

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        if (IsEdit) Edit(await KnowledgeBase.GetAsync(Slug!, Cancellation));
        _loading = false;
    }

    private async Task SaveAsync()
    {
        _saving = true;
        _error = null;
        _conflict = false;
        try
        {
            var scope = await GetScopeAsync();
            var input = new KbArticleInput(_title, _body, TagList, _slug);
            var saved = _original is null
                ? await KnowledgeBase.CreateAsync(scope, input, Cancellation)
                : await KnowledgeBase.UpdateAsync(scope, _original.Id, input, _original.Version, Cancellation);
            _saved = true;
            Snackbar.Add(_original is null ? "Article créé." : $"Article enregistré (version {saved.Revision}).", Severity.Success);
            Navigation.NavigateTo($"/base-de-connaissances/{saved.Slug}");
        }
        catch (KbArticleConflictException e)
        {
            _error = e.Message;
            _conflict = true;
        }
        catch (KnowledgeBaseException e)
        {
            _error = e.Message;
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>After a conflict: drops the typed text and loads what was saved meanwhile.</summary>
    private async Task ReloadAsync()
    {
        if (_original is null) return;
        Edit(await KnowledgeBase.GetAsync(_original.Id, Cancellation));
        _error = null;
        _conflict = false;
    }

    private void Edit(KbArticleDetail? article)
    {
        _original = article;
        _title = article?.Title;
        _body = article?.Body;
        _tags = article is null ? null : string.Join(", ", article.Tags);
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (!IsDirty) return;
        var leave = await Dialogs.ShowMessageBoxAsync("Quitter sans enregistrer ?",
            "Vos modifications de l’article seront perdues.", yesText: "Quitter", cancelText: "Rester");
        if (leave != true) context.PreventNavigation();
    }
}
