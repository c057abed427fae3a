using CpsSupport.Features.Orders;
using CpsSupport.Features.Requests;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CpsSupport.Web.Features.Orders;

/// <summary>One order: each card line with its timeline (done steps and promised days); for the desk, validation, pieces, rejection and the simulated production step.</summary>
public partial class OrderDetailPage
{
    private OrderDetail? _order;
    private bool _loaded;
    private bool _isDesk;
    private bool _busy;
    private string? _pieces;
    private string? _rejectReason;
    private string? _error;

    [Parameter] public Guid Id { get; set; }

    [Inject] private OrderService Orders { get; set; } = default!;
    [Inject] private RequestService Requests { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        var scope = await GetScopeAsync();
        _isDesk = scope.IsDesk;
        _order = await Orders.GetAsync(scope, Id, Cancellation);
        _loaded = true;
    }

    private Task ValidateAsync() => RunAsync(async () =>
    {
        var result = await Orders.ValidateAsync(await GetScopeAsync(), [Id], Cancellation);
        if (result.Failed.Count > 0) throw new RequestException(result.Failed[0]);
    }, "Commande validée : les cartes partent en fabrication.");

    private Task RequestPiecesAsync() => RunAsync(async () =>
    {
        var pieces = (_pieces ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        await Requests.RequestPiecesAsync(await GetScopeAsync(), Id, pieces, _order!.Version, Cancellation);
        _pieces = null;
    }, "Pièces réclamées au demandeur.");

    private Task PiecesReceivedAsync() => RunAsync(async () => await Requests.ReceivePiecesAsync(await GetScopeAsync(), Id, Cancellation), "Pièces enregistrées.");

    private Task RejectAsync() => RunAsync(async () =>
    {
        await Requests.RejectAsync(await GetScopeAsync(), Id, _rejectReason!, _order!.Version, Cancellation);
        _rejectReason = null;
    }, "Commande rejetée.");

    private Task AdvanceAsync() => RunAsync(async () => await Orders.AdvanceAsync(await GetScopeAsync(), Id, Cancellation), "Étape de production simulée.");

    private async Task RunAsync(Func<Task> action, string success)
    {
        _error = null;
        _busy = true;
        try
        {
            await action();
            Snackbar.Add(success, Severity.Success);
        }
        catch (RequestException e)
        {
            _error = e.Message;
        }
        finally
        {
            _busy = false;
        }
        await LoadAsync();
    }
}
