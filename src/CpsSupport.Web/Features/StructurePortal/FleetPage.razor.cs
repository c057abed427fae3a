using CpsSupport.Web.Components;
using CpsSupport.Features.Accounts;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Incidents;
using CpsSupport.Features.Paging;
using CpsSupport.Features.StructurePortal;
using CpsSupport.Features.Requests;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CpsSupport.Web.Features.StructurePortal;

/// <summary>
/// A structure's card fleet for its manager or mandatary: server-side paged, sorted and filtered, exported as CSV with the
/// same filters, and the declaration of an employee's departure after a confirmation (the card is opposed).
/// </summary>
public partial class FleetPage
{
    private static readonly int[] PageSizes = [25, 50, 100];
    private readonly DialogOptions _dialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true };

    private MudDataGrid<FleetRow>? _grid;
    private string? _structureName;
    private bool _loading = true;
    private bool _canDeclare;
    private string? _search;
    private CardStatus? _status;
    private CardType? _type;
    private int? _expiringWithinDays;

    private bool _confirmOpen;
    private bool _busy;
    private FleetRow? _pending;
    private DateTime? _leftOn;
    private string? _comment;
    private IncidentOutcome? _outcome;
    private string? _error;

    [Parameter] public Guid Id { get; set; }

    [Inject] private FleetService Fleet { get; set; } = default!;
    [Inject] private EmployeeDepartureService Departures { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private FleetQuery Query => new(_search, _status, _type, _expiringWithinDays);

    private string CsvUrl => FleetEndpoints.CsvUrl(Id, Query);

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _structureName = await Fleet.StructureNameAsync(await GetScopeAsync(), Id, Cancellation);
        // Departures are the portal's: desk staff use the F501 form on the card.
        var user = AuthenticationState is null ? null : (await AuthenticationState).User;
        _canDeclare = user is not null && (user.IsInRole(Roles.StructureManager) || user.IsInRole(Roles.Mandatary));
        _loading = false;
    }

    private async Task<GridData<FleetRow>> LoadAsync(GridState<FleetRow> state, CancellationToken gridToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(gridToken, Cancellation);
        var page = state.ToPageRequest();
        var result = await Fleet.SearchAsync(await GetScopeAsync(), Id, Query, page, linked.Token);
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

    private Task OnExpiringChanged(int? days)
    {
        _expiringWithinDays = days is { } d ? Math.Clamp(d, 0, FleetService.MaxExpiringWithinDays) : null;
        return ReloadAsync();
    }

    private void AskDeparture(FleetRow row)
    {
        _pending = row;
        _leftOn = Today.ToDateTime(TimeOnly.MinValue);
        _comment = null;
        _error = null;
        _confirmOpen = true;
    }

    private async Task DeclareDepartureAsync()
    {
        if (_pending is not { } row) return;
        _busy = true;
        _error = null;
        try
        {
            var leftOn = _leftOn is { } date ? DateOnly.FromDateTime(date) : (DateOnly?)null;
            _outcome = await Departures.DeclareAsync(await GetScopeAsync(), row.CardId, new DepartureDeclaration(leftOn, _comment), Cancellation);
        }
        catch (RequestException e)
        {
            _outcome = null;
            _error = e.Message;
        }
        finally
        {
            _busy = false;
            _confirmOpen = false;
            _pending = null;
        }
        if (_grid is not null) await _grid.ReloadServerData();
    }

    private DateOnly Today => CpsSupport.Features.Calendar.ParisClock.Today(Clock);
}
