using CpsSupport.Features.Cards;
using CpsSupport.Features.Paging;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;
using Microsoft.AspNetCore.Components;

namespace CpsSupport.Web.Features.Structures;

/// <summary>
/// F502 and F504 filed through the portal by a structure manager or mandatary of this structure; the library checks who
/// may file what and applies the change at once. Mandataries are chosen among the structure's active card holders.
/// </summary>
public partial class StructureFormsPanel
{
    private IReadOnlyList<(Guid Id, string Name)> _candidates = [];
    private readonly HashSet<Guid> _remove = [];
    private Guid? _designate;
    private Address _address = new();
    private StructureRequestOutcome? _outcome;
    private string? _error;
    private bool _busy;

    [Parameter, EditorRequired] public StructureDetail Structure { get; set; } = default!;
    /// <summary>The portal user's capacity for this structure: legal representative or mandatary.</summary>
    [Parameter, EditorRequired] public RequesterCapacity Capacity { get; set; }
    /// <summary>Raised after a filing so the page shows the structure as it is now.</summary>
    [Parameter] public EventCallback OnFiled { get; set; }

    [Inject] private StructureRequestService Forms { get; set; } = default!;
    [Inject] private CardService Cards { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var cards = await Cards.SearchAsync(await GetScopeAsync(), new CardQuery(null, CardStatus.Active, null, Structure.Id, null),
            new PageRequest(0, PageRequest.MaxPageSize), Cancellation);
        var mandataries = Structure.Mandates.Where(m => m.IsActive).Select(m => m.PersonId).ToHashSet();
        _candidates = cards.Items.Where(c => !mandataries.Contains(c.HolderId))
            .DistinctBy(c => c.HolderId).Select(c => (c.HolderId, c.HolderName)).OrderBy(c => c.HolderName).ToList();
    }

    private void Toggle(Guid personId, bool remove)
    {
        if (remove) _remove.Add(personId);
        else _remove.Remove(personId);
    }

    private Task FileMandatariesAsync() => FileAsync(async filing =>
    {
        var outcome = await Forms.ChangeMandatariesAsync(await GetScopeAsync(), filing, _designate is { } id ? [id] : [], _remove.ToList(), Cancellation);
        _designate = null;
        _remove.Clear();
        return outcome;
    });

    private Task FileDeliveryAddressAsync() => FileAsync(async filing =>
    {
        var outcome = await Forms.ChangeDeliveryAddressAsync(await GetScopeAsync(), filing, _address, Cancellation);
        _address = new Address();
        return outcome;
    });

    private async Task FileAsync(Func<StructureFiling, Task<StructureRequestOutcome>> file)
    {
        _error = null;
        _busy = true;
        try
        {
            _outcome = await file(new StructureFiling(Structure.Id, RequestChannel.Portal, Capacity));
            await OnFiled.InvokeAsync();
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
