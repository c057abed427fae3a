using CpsSupport.Web.Components;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Paging;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CpsSupport.Web.Features.Cards;

/// <summary>
/// Server-side paged, sorted and filtered card list, always through the user's access scope. Used by the card list,
/// and with a fixed structure or holder on their detail pages.
/// </summary>
public partial class CardsGrid
{
    private static readonly int[] PageSizes = [25, 50, 100];

    private MudDataGrid<CardRow>? _grid;
    private string? _search;
    private CardStatus? _status;
    private CardType? _type;

    [Inject] private CardService Cards { get; set; } = default!;

    /// <summary>Shows the search box and the status and type filters.</summary>
    [Parameter] public bool ShowFilters { get; set; } = true;
    /// <summary>Only this structure's cards; the structure column is then hidden.</summary>
    [Parameter] public Guid? StructureId { get; set; }
    /// <summary>Only this person's cards; the holder column is then hidden.</summary>
    [Parameter] public Guid? HolderId { get; set; }
    [Parameter] public int PageSize { get; set; } = 25;

    private async Task<GridData<CardRow>> LoadAsync(GridState<CardRow> state, CancellationToken gridToken)
    {
        // The grid cancels a superseded load; the component token covers navigation away.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(gridToken, Cancellation);
        var scope = await GetScopeAsync();
        var page = state.ToPageRequest();
        var query = new CardQuery(_search, _status, _type, StructureId, HolderId);
        var result = await Cards.SearchAsync(scope, query, page, linked.Token);
        return result.ToGridData();
    }

    private Task ReloadAsync() => _grid.ReloadFromFirstPageAsync();

    private Task OnStatusChanged(CardStatus? status)
    {
        _status = status;
        return ReloadAsync();
    }

    private Task OnTypeChanged(CardType? type)
    {
        _type = type;
        return ReloadAsync();
    }
}
