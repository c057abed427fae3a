using CpsSupport.Features.Cards;
using CpsSupport.Features.Documents;
using CpsSupport.Features.Incidents;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Tickets;
using Microsoft.AspNetCore.Components;

namespace CpsSupport.Web.Features.Requests;

/// <summary>
/// The F501 form: prefilled from the ticket (capacity, channel, declarant, card), the rules checked as the agent types,
/// then filed; the outcome (opposition, replacement dates, PIN letter, guidance) shows at once.
/// </summary>
public partial class IncidentDeclarationPage
{
    private TicketDetail? _ticket;
    private CardDetail? _card;
    private IReadOnlyList<AttachmentDto> _attachments = [];
    private IncidentCheck? _check;
    private IncidentOutcome? _outcome;
    private string? _error;
    private bool _busy;

    private string? _serial;
    private IncidentKind _kind = IncidentKind.Loss;
    private RequesterCapacity _capacity = RequesterCapacity.Holder;
    private RequestChannel _channel = RequestChannel.Phone;
    private string? _declarantName;
    private Guid? _declarantPersonId;
    private Guid? _idDocumentId;
    private bool _hasUnblockCode;
    private bool _declineReplacement;
    private RevocationGround? _ground;
    private DateTime? _radiatedOn;
    private string? _comment;
    private FilledFormProposal? _proposal;

    [SupplyParameterFromQuery(Name = "ticket")] public Guid? TicketId { get; set; }
    [SupplyParameterFromQuery(Name = "carte")] public Guid? CardId { get; set; }

    /// <summary>A filled F501 (PDF with form fields) attached to the ticket: the page is pre-filled from its values.</summary>
    [SupplyParameterFromQuery(Name = "formulaire")] public Guid? FilledFormId { get; set; }

    [Inject] private IncidentService Incidents { get; set; } = default!;
    [Inject] private CardService Cards { get; set; } = default!;
    [Inject] private TicketQueryService Tickets { get; set; } = default!;
    [Inject] private FilledFormService FilledForms { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var scope = await GetScopeAsync();
        if (TicketId is { } ticketId && (_ticket = await Tickets.GetAsync(scope, ticketId, Cancellation)) is { } ticket)
        {
            _capacity = ticket.RequesterCapacity;
            _channel = ChannelOf(ticket.Channel);
            _declarantName = ticket.RequesterName ?? ticket.PersonName;
            _declarantPersonId = ticket.PersonId;
            _attachments = ticket.Timeline.SelectMany(e => e.Attachments ?? []).ToList();
            _kind = KindOf(ticket.Category) ?? _kind;
        }
        var cardId = CardId ?? (_ticket?.Cards is [var only] ? only.Id : null);
        if (cardId is { } id) _card = await Cards.GetAsync(scope, id, Cancellation);
        if (FilledFormId is { } formId && _proposal?.AttachmentId != formId) await PrefillAsync(scope, formId);
        await CheckAsync();
    }

    /// <summary>
    /// Takes the values of the filled F501 the agent opened from the ticket: card by its serial, incident kind, capacity,
    /// declarant and the incident's date, place and circumstances as the comment. Invalid values are only shown, with
    /// their message, for the agent to check with the requester.
    /// </summary>
    private async Task PrefillAsync(CpsSupport.Features.Access.AccessScope scope, Guid attachmentId)
    {
        _proposal = await FilledForms.ProposeFromAttachmentAsync(scope, attachmentId, Cancellation);
        if (_proposal is not { Form: FormCode.F501 } proposal || proposal.TicketId != _ticket?.Id)
        {
            _proposal = null;
            _error = "Ce fichier n'est pas un formulaire F501 rempli de ce ticket : rien n'a été pré-rempli.";
            return;
        }

        var reading = proposal.Reading;
        if (reading.ValueOf("cardSerial") is { } serial)
        {
            if (await Cards.GetBySerialAsync(scope, serial, Cancellation) is { } card) _card = card;
            else _serial = serial;
        }

        if (Enum.TryParse<IncidentKind>(reading.ValueOf("kind"), ignoreCase: true, out var kind)) _kind = kind;
        _capacity = reading.ValueOf("declarantCapacity") switch
        {
            "holder" => RequesterCapacity.Holder,
            "legalRepresentative" => RequesterCapacity.StructureHead,
            "mandatary" => RequesterCapacity.Mandatary,
            _ => _capacity,
        };
        var holder = string.Join(' ', new[] { reading.ValueOf("holder.firstName"), reading.ValueOf("holder.lastName") }.Where(v => !string.IsNullOrWhiteSpace(v)));
        var declarant = string.Join(' ', new[] { reading.ValueOf("declarant.firstName"), reading.ValueOf("declarant.lastName") }.Where(v => !string.IsNullOrWhiteSpace(v)));
        if (declarant.Length > 0) _declarantName = declarant;
        else if (_capacity == RequesterCapacity.Holder && holder.Length > 0) _declarantName = holder;
        if (reading.ValueOf("replacementRequested") == "false") _declineReplacement = true;

        var incident = new List<string> { $"Formulaire F501 reçu ({proposal.FileName})." };
        if (reading.Fields.FirstOrDefault(f => f.Key == "incidentOn") is { IsValid: true } on && DateOnly.TryParse(on.Value, System.Globalization.CultureInfo.InvariantCulture, out var date))
            incident.Add($"Incident du {date:dd/MM/yyyy}.");
        if (reading.ValueOf("incidentPlace") is { } place) incident.Add($"Lieu : {place}.");
        if (reading.ValueOf("circumstances") is { } circumstances) incident.Add(circumstances);
        _comment = string.Join(' ', incident);
    }

    private async Task FindCardAsync()
    {
        _error = null;
        var card = await Cards.GetBySerialAsync(await GetScopeAsync(), _serial!, Cancellation);
        if (card is null)
        {
            _error = $"Aucune carte n° {_serial} parmi celles que vous pouvez consulter.";
            return;
        }
        _card = card;
        _serial = null;
        await CheckAsync();
    }

    private async Task CheckAsync()
    {
        if (_card is null) return;
        try
        {
            _check = await Incidents.CheckAsync(await GetScopeAsync(), Input(), Cancellation);
        }
        catch (RequestException e)
        {
            _check = null;
            _error = e.Message;
        }
    }

    private async Task DeclareAsync()
    {
        _error = null;
        _busy = true;
        try
        {
            _outcome = await Incidents.DeclareAsync(await GetScopeAsync(), Input(), Cancellation);
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

    private NewIncident Input() => new(
        _card!.Id, _kind, _channel, _capacity, _declarantPersonId, _declarantName,
        _channel == RequestChannel.Mail ? _idDocumentId : null, _hasUnblockCode,
        _kind is IncidentKind.Loss or IncidentKind.Theft && _declineReplacement,
        _kind == IncidentKind.Revocation ? _ground : null,
        _kind == IncidentKind.Revocation && _radiatedOn is { } radiated ? DateOnly.FromDateTime(radiated) : null,
        string.IsNullOrWhiteSpace(_comment) ? null : _comment, _ticket?.Id);

    private static RequestChannel ChannelOf(TicketChannel channel) => channel switch
    {
        TicketChannel.Mail => RequestChannel.Mail,
        TicketChannel.Portal => RequestChannel.Portal,
        TicketChannel.Tom => RequestChannel.Tom,
        TicketChannel.Tops => RequestChannel.Tops,
        _ => RequestChannel.Phone,
    };

    private static IncidentKind? KindOf(TicketCategory category) =>
        Enum.TryParse<IncidentKind>(category.ToString(), out var kind) ? kind : null;
}
