using CpsSupport.Features.Orders;
using CpsSupport.Features.Paging;
using CpsSupport.Features.Requests;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CpsSupport.Web.Features.Orders;

/// <summary>
/// The orders the user may see: a portal user's structures' orders; for the desk, the validation queue (oldest first,
/// bulk validation) above every order.
/// </summary>
public partial class OrdersPage
{
    private const int Shown = 100;

    private List<OrderRow> _orders = [];
    private List<OrderRow> _queue = [];
    private HashSet<OrderRow> _selected = [];
    private BulkValidation? _validation;
    private int _total;
    private string? _search;
    private RequestStatus? _status;
    private bool _isDesk;
    private bool _loading = true;
    private bool _busy;

    [Inject] private OrderService Orders { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _isDesk = (await GetScopeAsync()).IsDesk;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        var scope = await GetScopeAsync();
        var result = await Orders.SearchAsync(scope, new OrderQuery(Status: _status, Search: _search), new PageRequest(0, Shown), Cancellation);
        (_orders, _total) = (result.Items.ToList(), result.TotalCount);
        if (_isDesk)
        {
            var queue = await Orders.SearchAsync(scope, new OrderQuery(Status: RequestStatus.Submitted), new PageRequest(0, 200, "CreatedAt"), Cancellation);
            _queue = queue.Items.ToList();
            _selected = _selected.Where(s => _queue.Any(q => q.Id == s.Id)).ToHashSet();
        }
        _loading = false;
    }

    private async Task OnStatusChanged(RequestStatus? status)
    {
        _status = status;
        await LoadAsync();
    }

    private async Task ValidateSelectionAsync()
    {
        _busy = true;
        try
        {
            _validation = await Orders.ValidateAsync(await GetScopeAsync(), _selected.Select(s => s.Id).ToList(), Cancellation);
            if (_validation.Validated.Count > 0)
                Snackbar.Add($"{_validation.Validated.Count} commande(s) validée(s) : {string.Join(", ", _validation.Validated)}.", Severity.Success);
            _selected = [];
        }
        finally
        {
            _busy = false;
        }
        await LoadAsync();
    }
}
