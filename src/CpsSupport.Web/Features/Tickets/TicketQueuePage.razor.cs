using CpsSupport.Features.Paging;
using CpsSupport.Features.Tickets;
using CpsSupport.Web.Components;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CpsSupport.Web.Features.Tickets;

/// <summary>The queue: saved views, filters, server-side paging and sorting, bulk assign and close.</summary>
public partial class TicketQueuePage
{
    private static readonly TicketView[] Views =
        [TicketView.Mine, TicketView.Unassigned, TicketView.Overdue, TicketView.WaitingForRequester, TicketView.AllOpen, TicketView.Closed];

    private MudDataGrid<TicketRow>? _grid;
    private IReadOnlyList<TicketQueueDto> _queues = [];
    private IReadOnlyList<AssigneeDto> _assignees = [];
    private HashSet<TicketRow> _selected = [];
    private TicketView _view = TicketView.AllOpen;
    private Guid? _queueId;
    private string? _search;
    private TicketCategory? _category;
    private TicketPriority? _priority;
    private TicketState? _state;
    private Guid? _bulkAssignee;

    [Inject] private TicketQueryService Queries { get; set; } = default!;
    [Inject] private TicketService Tickets { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The view in the address (?vue=Mine), so a view can be bookmarked and the dashboard can link to it.</summary>
    [SupplyParameterFromQuery(Name = "vue")] public string? ViewParameter { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (Enum.TryParse<TicketView>(ViewParameter, ignoreCase: true, out var view)) _view = view;
        _queues = await Queries.QueuesAsync(Cancellation);
        _assignees = await Queries.AssigneesAsync(Cancellation);
    }

    private bool IsCurrent(TicketView view, Guid? queueId) => _view == view && _queueId == queueId;

    private async Task<GridData<TicketRow>> LoadAsync(GridState<TicketRow> state, CancellationToken gridToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(gridToken, Cancellation);
        var scope = await GetScopeAsync();
        var page = state.ToPageRequest();
        var query = new TicketQuery(_view, _queueId, _state, _category, _priority, Search: _search);
        var result = await Queries.QueueAsync(scope, query, page, linked.Token);
        return result.ToGridData();
    }

    private Task SelectViewAsync(TicketView view, Guid? queueId)
    {
        _view = view;
        _queueId = queueId;
        Navigation.NavigateTo(queueId is null ? $"/tickets?vue={view}" : "/tickets", replace: true);
        return ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _selected.Clear();
        await _grid.ReloadFromFirstPageAsync();
    }

    private void OnSelectionChanged(HashSet<TicketRow> rows) => _selected = rows;

    private Task OnCategoryChanged(TicketCategory? value) { _category = value; return ReloadAsync(); }

    private Task OnPriorityChanged(TicketPriority? value) { _priority = value; return ReloadAsync(); }

    private Task OnStateChanged(TicketState? value) { _state = value; return ReloadAsync(); }

    private async Task BulkAssignAsync()
    {
        var scope = await GetScopeAsync();
        var count = await Tickets.BulkAssignAsync(scope, _selected.Select(t => t.Id).ToList(), _bulkAssignee, Cancellation);
        Snackbar.Add(Labels.Count(count, "ticket assigné.", "tickets assignés."), Severity.Success);
        await ReloadAsync();
    }

    private async Task BulkCloseAsync()
    {
        try
        {
            var scope = await GetScopeAsync();
            var count = await Tickets.BulkCloseAsync(scope, _selected.Select(t => t.Id).ToList(), Cancellation);
            Snackbar.Add(Labels.Count(count, "ticket clos.", "tickets clos."), Severity.Success);
        }
        catch (TicketException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
        await ReloadAsync();
    }
}
