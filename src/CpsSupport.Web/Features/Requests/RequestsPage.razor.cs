using CpsSupport.Web.Components;
using CpsSupport.Features.Incidents;
using CpsSupport.Features.Paging;
using CpsSupport.Features.Requests;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CpsSupport.Web.Features.Requests;

/// <summary>The requests the user may see (all for the desk, their structures' for the portal), server-side paged and filtered.</summary>
public partial class RequestsPage
{
    private static readonly int[] PageSizes = [25, 50, 100];
    private static readonly FormCode[] Forms = [FormCode.F501, FormCode.F502, FormCode.F503, FormCode.F504, FormCode.F101, FormCode.F201, FormCode.F301, FormCode.F414];

    private MudDataGrid<RequestRow>? _grid;
    private string? _search;
    private FormCode? _form;
    private RequestStatus? _status;

    [Inject] private RequestService Requests { get; set; } = default!;

    private async Task<GridData<RequestRow>> LoadAsync(GridState<RequestRow> state, CancellationToken gridToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(gridToken, Cancellation);
        var scope = await GetScopeAsync();
        var page = state.ToPageRequest(descendingByDefault: true);
        var result = await Requests.SearchAsync(scope, new RequestQuery(_search, _form, _status), page, linked.Token);
        return result.ToGridData();
    }

    /// <summary>The incident kind is stored by name; other forms have none.</summary>
    internal static string? KindLabel(string? kind) =>
        Enum.TryParse<IncidentKind>(kind, out var incident) ? IncidentLabels.Kind(incident) : kind;

    private Task ReloadAsync() => _grid.ReloadFromFirstPageAsync();

    private Task OnFormChanged(FormCode? form)
    {
        _form = form;
        return ReloadAsync();
    }

    private Task OnStatusChanged(RequestStatus? status)
    {
        _status = status;
        return ReloadAsync();
    }
}
