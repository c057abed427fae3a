using CpsSupport.Features.Paging;
using MudBlazor;

namespace CpsSupport.Web.Components;

/// <summary>
/// The glue every server-side <see cref="MudDataGrid{T}"/> needs between the grid and a paged service query:
/// the grid's page and first sort as a <see cref="PageRequest"/>, a <see cref="PagedResult{T}"/> as grid data, and a
/// reload that starts again at the first page when the criteria change.
/// </summary>
public static class ServerGrid
{
    /// <param name="descendingByDefault">The direction when the user has not sorted (newest first lists pass true).</param>
    public static PageRequest ToPageRequest<T>(this GridState<T> state, bool descendingByDefault = false)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        return new PageRequest(state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? descendingByDefault);
    }

    public static GridData<T> ToGridData<T>(this PagedResult<T>? result) =>
        result is null ? new GridData<T> { Items = [], TotalItems = 0 } : new GridData<T> { Items = result.Items, TotalItems = result.TotalCount };

    /// <summary>New criteria start again at the first page (changing the page reloads by itself).</summary>
    public static Task ReloadFromFirstPageAsync<T>(this MudDataGrid<T>? grid)
    {
        if (grid is null) return Task.CompletedTask;
        if (grid.CurrentPage == 0) return grid.ReloadServerData();
        grid.NavigateTo(Page.First);
        return Task.CompletedTask;
    }
}
