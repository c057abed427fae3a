using CpsSupport.Features.Cards;
using CpsSupport.Features.Paging;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;
using Microsoft.AspNetCore.Components;

namespace CpsSupport.Web.Features.Structures;

/// <summary>
/// F503 on the structure page. A legal representative or mandatary of the structure (<see cref="Capacity"/> set) files it through the
/// portal, applied at once by the library; desk staff see the list only (they file F503 received by mail from the ticket or the API).
/// Administrators are chosen among the structure's active card holders.
/// </summary>
public partial class TechnicalAdministratorsPanel
{
    private IReadOnlyList<TechnicalAdministratorDto> _administrators = [];
    private IReadOnlyList<(Guid Id, string Name)> _candidates = [];
    private readonly HashSet<Guid> _remove = [];
    private Guid? _add;
    private StructureRequestOutcome? _outcome;
    private string? _error;
    private bool _busy;

    [Parameter, EditorRequired] public Guid StructureId { get; set; }
    /// <summary>The portal user's capacity for this structure; null for desk staff (read only).</summary>
    [Parameter] public RequesterCapacity? Capacity { get; set; }

    [Inject] private StructureRequestService Forms { get; set; } = default!;
    [Inject] private CardService Cards { get; set; } = default!;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var scope = await GetScopeAsync();
        _administrators = await Forms.TechnicalAdministratorsAsync(scope, StructureId, Cancellation) ?? [];
        if (Capacity is null) return;
        var cards = await Cards.SearchAsync(scope, new CardQuery(null, CardStatus.Active, null, StructureId, null), new PageRequest(0, PageRequest.MaxPageSize), Cancellation);
        var running = _administrators.Where(a => a.IsActive).Select(a => a.PersonId).ToHashSet();
        _candidates = cards.Items.Where(c => !running.Contains(c.HolderId))
            .DistinctBy(c => c.HolderId).Select(c => (c.HolderId, c.HolderName)).OrderBy(c => c.HolderName).ToList();
    }

    private void Toggle(Guid personId, bool remove)
    {
        if (remove) _remove.Add(personId);
        else _remove.Remove(personId);
    }

    private async Task FileAsync()
    {
        _error = null;
        _busy = true;
        try
        {
            var filing = new StructureFiling(StructureId, RequestChannel.Portal, Capacity!.Value);
            _outcome = await Forms.ChangeTechnicalAdministratorsAsync(await GetScopeAsync(), filing, _add is { } id ? [id] : [], _remove.ToList(), Cancellation);
            _add = null;
            _remove.Clear();
            await LoadAsync();
        }
        catch (RequestException e)
        {
            _error = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
