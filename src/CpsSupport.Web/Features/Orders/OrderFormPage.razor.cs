using CpsSupport.Features.Orders;
using CpsSupport.Features.Paging;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;
using Microsoft.AspNetCore.Components;

namespace CpsSupport.Web.Features.Orders;

/// <summary>
/// The order form: a structure, a form, several card lines. Portal users order for their structures in their own name; the
/// desk records an order received by mail, TOM or TOPS for the requester it names. Rules are checked before anything is saved.
/// </summary>
public partial class OrderFormPage
{
    private static readonly RequestChannel[] DeskChannels = [RequestChannel.Mail, RequestChannel.Tom, RequestChannel.Tops];

    private List<StructureRow> _structures = [];
    private StructureRow? _structure;
    private StructureDetail? _detail;
    private List<(Guid Id, string Label, RequesterCapacity Capacity)> _people = [];
    private FormCode _form = FormCode.F301;
    private RequestChannel _channel = RequestChannel.Mail;
    private Guid? _declarant;
    private readonly List<LineInput> _lines = [new()];
    private string? _comment;
    private string? _deliveryAddress;
    private OrderCheck? _check;
    private string? _error;
    private bool _isDesk;
    private bool _busy;

    [Inject] private OrderService Orders { get; set; } = default!;
    [Inject] private StructureService Structures { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "structure")] public Guid? StructureId { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var scope = await GetScopeAsync();
        _isDesk = scope.IsDesk;
        if (!_isDesk)
        {
            _structures = (await Structures.SearchAsync(scope, new StructureQuery(), new PageRequest(0, 100), Cancellation)).Items.ToList();
            var first = _structures.FirstOrDefault(s => s.Id == StructureId) ?? _structures.FirstOrDefault();
            if (first is not null) await OnStructureChanged(first);
        }
        else if (StructureId is { } id && await Structures.GetAsync(scope, id, Cancellation) is { } detail)
        {
            await OnStructureChanged(new StructureRow(detail.Id, detail.Name, detail.Kind, detail.Finess, detail.Siret, detail.DeliveryAddress.City, detail.CardCount));
        }
    }

    private async Task<IEnumerable<StructureRow>> SearchStructuresAsync(string? text, CancellationToken ct) =>
        (await Structures.SearchAsync(await GetScopeAsync(), new StructureQuery(text), new PageRequest(0, 20), ct)).Items;

    private async Task OnStructureChanged(StructureRow? structure)
    {
        _structure = structure;
        _check = null;
        _detail = structure is null ? null : await Structures.GetAsync(await GetScopeAsync(), structure.Id, Cancellation);
        _deliveryAddress = _detail?.DeliveryAddress.ToString();
        _people = [];
        if (_detail is { } d)
        {
            if (d.LegalRepresentativeId is { } head) _people.Add((head, $"{d.LegalRepresentativeName} (représentant légal)", RequesterCapacity.StructureHead));
            _people.AddRange(d.Mandates.Where(m => m.IsActive).Select(m => (m.PersonId, $"{m.PersonName} (mandataire)", RequesterCapacity.Mandatary)));
        }
        _declarant = _people.FirstOrDefault().Id is var id && id != Guid.Empty ? id : null;
    }

    private void OnFormChanged(FormCode form)
    {
        _form = form;
        _check = null;
    }

    private void AddLine() => _lines.Add(new LineInput());

    private void RemoveLine(int index)
    {
        _lines.RemoveAt(index);
        _check = null;
    }

    private NewOrder Order()
    {
        var capacity = _people.FirstOrDefault(p => p.Id == _declarant).Capacity;
        if (_declarant is null) capacity = RequesterCapacity.Other;
        return new NewOrder(_structure!.Id, _form, _isDesk ? _channel : RequestChannel.Portal, capacity,
            _lines.Select(l => new NewOrderLine(l.LastName, l.FirstName, l.Identifier, l.Profession)).ToList(),
            DeclarantPersonId: _isDesk ? _declarant : null, Comment: _comment);
    }

    private async Task CheckAsync()
    {
        _error = null;
        try
        {
            _check = await Orders.CheckAsync(await GetScopeAsync(), Order(), Cancellation);
        }
        catch (RequestException e)
        {
            _error = e.Message;
        }
    }

    private async Task SubmitAsync()
    {
        _error = null;
        _busy = true;
        try
        {
            var outcome = await Orders.FileAsync(await GetScopeAsync(), Order(), Cancellation);
            Navigation.NavigateTo($"/commandes/{outcome.RequestId}");
        }
        catch (RequestException e)
        {
            _error = e.Message;
            await CheckAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private sealed class LineInput
    {
        public string? LastName { get; set; }
        public string? FirstName { get; set; }
        public string? Identifier { get; set; }
        public string? Profession { get; set; }
    }
}
