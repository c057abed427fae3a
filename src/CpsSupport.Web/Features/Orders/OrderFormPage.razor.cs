using CpsSupport.Features.Documents;
using CpsSupport.Features.Orders;
using CpsSupport.Features.Paging;
using CpsSupport.Features.People;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;
using Microsoft.AspNetCore.Components;

namespace CpsSupport.Web.Features.Orders;

/// <summary>
/// The order form: a structure, a form, several card lines. Portal users order for their structures in their own name; the
/// desk records an order received by mail, TOM or TOPS for the requester it names. Rules are checked before anything is saved.
/// Opened from a ticket with a filled order form (PDF with form fields), the page is pre-filled from it: form, structure,
/// card lines, signatory, delivery address; the order is then linked to the ticket.
/// </summary>
public partial class OrderFormPage
{
    private static readonly RequestChannel[] DeskChannels = [RequestChannel.Mail, RequestChannel.Tom, RequestChannel.Tops];

    private List<StructureRow> _structures = [];
    private StructureRow? _structure;
    private StructureDetail? _detail;
    private List<(Guid Id, string Name, string Label, RequesterCapacity Capacity)> _people = [];
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
    private TicketDetail? _ticket;
    private IReadOnlyList<AttachmentDto> _attachments = [];
    private Guid? _idDocumentId;
    private FilledFormProposal? _proposal;
    private OrderDraft? _draft;
    private Address? _formDeliveryAddress;
    private string? _unmatchedSignatory;
    private string? _structureMessage;

    [Inject] private OrderService Orders { get; set; } = default!;
    [Inject] private StructureService Structures { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TicketQueryService Tickets { get; set; } = default!;
    [Inject] private FilledFormService FilledForms { get; set; } = default!;
    [Inject] private StructureFormDraftService Drafts { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "structure")] public Guid? StructureId { get; set; }

    /// <summary>The ticket the order came with (desk): the order is linked to it, its attachments give the identity document.</summary>
    [SupplyParameterFromQuery(Name = "ticket")] public Guid? TicketId { get; set; }

    /// <summary>A filled order form (PDF with form fields) attached to the ticket: the page is pre-filled from its values.</summary>
    [SupplyParameterFromQuery(Name = "formulaire")] public Guid? FilledFormId { get; set; }

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
        else
        {
            if (TicketId is { } ticketId && (_ticket = await Tickets.GetAsync(scope, ticketId, Cancellation)) is { } ticket)
            {
                _channel = ticket.Channel switch { TicketChannel.Tom => RequestChannel.Tom, TicketChannel.Tops => RequestChannel.Tops, _ => RequestChannel.Mail };
                _attachments = ticket.Timeline.SelectMany(e => e.Attachments ?? []).DistinctBy(a => a.Id).Where(a => a.Id != FilledFormId).ToList(); // the form itself is no identity document
            }

            if (FilledFormId is { } formId) await PrefillAsync(scope, formId);
            var structureId = StructureId ?? _structure?.Id ?? _ticket?.StructureId;
            if (_structure is null && structureId is { } id && await Structures.GetAsync(scope, id, Cancellation) is { } detail)
                await OnStructureChanged(StructureRow.Of(detail));
        }
    }

    /// <summary>
    /// Takes the values of the filled order form the agent opened from the ticket (<see cref="OrderDraft"/>): form, card
    /// lines, comment, delivery address, and the structure its FINESS, SIRET or SIREN names. The signatory is chosen as the
    /// requester when the structure knows them as legal representative or mandatary.
    /// </summary>
    private async Task PrefillAsync(CpsSupport.Features.Access.AccessScope scope, Guid attachmentId)
    {
        _proposal = await FilledForms.ProposeFromAttachmentAsync(scope, attachmentId, Cancellation);
        if (_proposal is not { Form: { } form } proposal || !OrderCatalog.IsOrder(form) || proposal.TicketId != _ticket?.Id)
        {
            _proposal = null;
            _error = "Ce fichier n'est pas un bon de commande rempli (F101, F201, F301, F414) de ce ticket : rien n'a été pré-rempli.";
            return;
        }

        var draft = _draft = OrderDraft.FromFilledForm(proposal.Reading, proposal.FileName);
        _form = draft.Form;
        _comment = draft.Comment;
        _formDeliveryAddress = draft.DeliveryAddress;
        _lines.Clear();
        _lines.AddRange(draft.Lines.Select(l => new LineInput { LastName = l.LastName, FirstName = l.FirstName, Identifier = l.Identifier, Profession = l.Profession, Email = l.Email }));
        if (_lines.Count == 0) _lines.Add(new LineInput());

        var identification = await Drafts.IdentifyAsync(scope, proposal.Reading, _ticket?.StructureId, Cancellation);
        _structureMessage = identification.Message;
        if (identification.Structure is { } structure) await OnStructureChanged(StructureRow.Of(structure));
    }

    /// <summary>What the agent must check in the pre-filled order: invalid values, how the structure was found, what the draft left out, an unknown signatory.</summary>
    private List<string> PrefillRemarks(FilledFormProposal proposal, OrderDraft draft) =>
    [
        .. proposal.Reading.Fields.Where(f => !f.IsValid).Select(f => f.Error!),
        .. _structureMessage is { } structure ? [structure] : Array.Empty<string>(),
        .. draft.Notes,
        .. _unmatchedSignatory is { } signatory ? [$"Signataire du formulaire : {signatory}, ni représentant légal ni mandataire de la structure choisie."] : Array.Empty<string>(),
    ];

    private async Task<IEnumerable<StructureRow>> SearchStructuresAsync(string? text, CancellationToken ct) =>
        (await Structures.SearchAsync(await GetScopeAsync(), new StructureQuery(text), new PageRequest(0, 20), ct)).Items;

    private async Task OnStructureChanged(StructureRow? structure)
    {
        _structure = structure;
        _check = null;
        _detail = structure is null ? null : await Structures.GetAsync(await GetScopeAsync(), structure.Id, Cancellation);
        _deliveryAddress = (_formDeliveryAddress ?? _detail?.DeliveryAddress)?.ToString();
        _people = [];
        if (_detail is { } d)
        {
            if (d.LegalRepresentativeId is { } head) _people.Add((head, d.LegalRepresentativeName ?? "", $"{d.LegalRepresentativeName} (représentant légal)", RequesterCapacity.StructureHead));
            _people.AddRange(d.Mandates.Where(m => m.IsActive).Select(m => (m.PersonId, m.PersonName, $"{m.PersonName} (mandataire)", RequesterCapacity.Mandatary)));
        }
        _declarant = _people.FirstOrDefault().Id is var id && id != Guid.Empty ? id : null;
        _unmatchedSignatory = null;
        if (_draft?.DeclarantName is { } signatory)
        {
            var match = _people.FirstOrDefault(p => PersonNames.Same(signatory, p.Name));
            if (match.Id != Guid.Empty) _declarant = match.Id;
            else _unmatchedSignatory = signatory;
        }
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
            _lines.Select(l => new NewOrderLine(l.LastName, l.FirstName, l.Identifier, l.Profession, l.Email)).ToList(),
            DeliveryAddress: _formDeliveryAddress, DeclarantPersonId: _isDesk ? _declarant : null,
            IdDocumentAttachmentId: _isDesk ? _idDocumentId : null, Comment: _comment, TicketId: _isDesk ? _ticket?.Id : null);
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
        public string? Email { get; set; }
    }
}
