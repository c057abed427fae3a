using CpsSupport.Features.KnowledgeBase;
using CpsSupport.Features.Paging;
using Microsoft.AspNetCore.Components;

namespace CpsSupport.Web.Features.KnowledgeBase;

/// <summary>
/// Finds a knowledge-base article and hands its text, with {{demandeur}} and {{ticket}} replaced, to the reply box
/// through <see cref="OnInsert"/>. Placeholders without a value stay visible and are pointed out before inserting.
/// </summary>
public partial class KbArticlePicker
{
    private const int MaxHits = 6;
    // Articles with this tag are offered before anything is typed.
    private const string TemplateTag = "modèle";

    private IReadOnlyList<KbSearchHit>? _hits;
    private IReadOnlyList<KbArticleRow> _templates = [];
    private KbArticleDetail? _selected;
    private KbRendered? _rendered;
    private string? _search;

    [Inject] private KnowledgeBaseService KnowledgeBase { get; set; } = default!;

    /// <summary>Replaces {{demandeur}}.</summary>
    [Parameter] public string? RequesterName { get; set; }
    /// <summary>Replaces {{ticket}}.</summary>
    [Parameter] public string? TicketNumber { get; set; }
    /// <summary>Receives the article's text with the placeholders replaced, as plain text.</summary>
    [Parameter] public EventCallback<string> OnInsert { get; set; }
    [Parameter] public string InsertText { get; set; } = "Insérer dans la réponse";

    protected override async Task OnInitializedAsync() =>
        _templates = (await KnowledgeBase.ListAsync(ct: Cancellation)).Where(a => a.Tags.Contains(TemplateTag)).ToList();

    /// <summary>The requester or ticket may be filled in while an article is shown: the preview follows.</summary>
    protected override void OnParametersSet() => RenderSelected();

    private async Task SearchAsync(string? text)
    {
        _search = text;
        _hits = SearchText.Normalize(text) is null ? null : (await KnowledgeBase.SearchAsync(text, new PageRequest(0, MaxHits), Cancellation)).Items;
    }

    private Task ClearAsync() => SearchAsync(null);

    private async Task SelectAsync(Guid id)
    {
        _selected = await KnowledgeBase.GetAsync(id, Cancellation);
        RenderSelected();
    }

    private void Back()
    {
        _selected = null;
        _rendered = null;
    }

    private async Task InsertAsync()
    {
        if (_rendered is null) return;
        // Replies are plain text: the article's Markdown is turned into readable text, not pasted as syntax.
        await OnInsert.InvokeAsync(KbMarkdown.ToPlainText(_rendered.Text));
        Back();
    }

    private void RenderSelected() =>
        _rendered = _selected is null ? null : KnowledgeBaseService.Render(_selected.Body, new KbPlaceholderValues(RequesterName, TicketNumber));

    private static string MissingText(string placeholder) => placeholder switch
    {
        "{{demandeur}}" => "Le nom du demandeur n’est pas renseigné : {{demandeur}} restera dans le texte, complétez-le avant d’envoyer.",
        "{{ticket}}" => "Le numéro du ticket n’est pas encore connu : {{ticket}} restera dans le texte, complétez-le avant d’envoyer.",
        _ => $"{placeholder} restera dans le texte.",
    };
}
