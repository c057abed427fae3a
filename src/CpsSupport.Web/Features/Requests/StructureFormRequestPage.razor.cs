using CpsSupport.Features.Access;
using CpsSupport.Features.Documents;
using CpsSupport.Features.Paging;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;
using Microsoft.AspNetCore.Components;

namespace CpsSupport.Web.Features.Requests;

/// <summary>
/// The structure forms the desk receives signed by mail: F502 (mandataries), F503 (technical administrators), F504 (delivery
/// address). Opened from a ticket's filled PDF, the page is pre-filled from it (<see cref="StructureFormDraft"/>): the
/// structure named on the form, the declarant, each line matched to a person of the registry or the new address; the agent
/// corrects what the registry could not match, chooses the identity document among the ticket's attachments and files it.
/// The library judges who may file and applies the change at once; a refusal shows the rule's words and saves nothing.
/// </summary>
public partial class StructureFormRequestPage
{
    private TicketDetail? _ticket;
    private IReadOnlyList<AttachmentDto> _attachments = [];
    private FilledFormProposal? _proposal;
    private FormCode _form = FormCode.F502;
    private StructureRow? _structure;
    private StructureRoster? _roster;
    private string? _structureMessage;
    private StructureFormDraft? _draft;
    private List<(Guid Id, string Label, RequesterCapacity Capacity)> _declarants = [];
    private Guid? _declarant;
    private List<LineInput> _lines = [];
    private Address _address = new();
    private Guid? _idDocumentId;
    private string? _comment;
    private StructureRequestOutcome? _outcome;
    private string? _error;
    private bool _busy;

    [SupplyParameterFromQuery(Name = "ticket")] public Guid? TicketId { get; set; }

    /// <summary>A filled F502, F503 or F504 (PDF with form fields) attached to the ticket: the page is pre-filled from it.</summary>
    [SupplyParameterFromQuery(Name = "formulaire")] public Guid? FilledFormId { get; set; }

    /// <summary>Without a filled form: the structure to file for.</summary>
    [SupplyParameterFromQuery(Name = "structure")] public Guid? StructureId { get; set; }

    [Inject] private StructureRequestService Forms { get; set; } = default!;
    [Inject] private StructureFormDraftService Drafts { get; set; } = default!;
    [Inject] private StructureService Structures { get; set; } = default!;
    [Inject] private TicketQueryService Tickets { get; set; } = default!;
    [Inject] private FilledFormService FilledForms { get; set; } = default!;

    /// <summary>One line of an F502 or F503 as the agent files it.</summary>
    private sealed class LineInput
    {
        public int? Number { get; init; }
        public string? Written { get; init; }
        public string? Message { get; init; }
        public bool Add { get; set; } = true;
        public Guid? PersonId { get; set; }
        public bool Included { get; set; }
    }

    private bool HasLines => _form is FormCode.F502 or FormCode.F503;

    protected override async Task OnParametersSetAsync()
    {
        var scope = await GetScopeAsync();
        if (TicketId is { } ticketId && _ticket?.Id != ticketId && (_ticket = await Tickets.GetAsync(scope, ticketId, Cancellation)) is { } ticket)
        {
            _attachments = ticket.Timeline.SelectMany(e => e.Attachments ?? []).DistinctBy(a => a.Id).Where(a => a.Id != FilledFormId).ToList(); // the form itself is no identity document
        }

        if (FilledFormId is { } formId)
        {
            if (_proposal?.AttachmentId != formId) await PrefillAsync(scope, formId);
        }
        else if (_structure is null && (StructureId ?? _ticket?.StructureId) is { } structureId && await Structures.GetAsync(scope, structureId, Cancellation) is { } detail)
        {
            await OnStructureChanged(StructureRow.Of(detail));
        }
    }

    /// <summary>
    /// Reads the filled form the agent opened from the ticket: its form, the structure it names (else the ticket's), and
    /// the draft mapped onto that structure. A file that is no filled structure form of this ticket pre-fills nothing.
    /// </summary>
    private async Task PrefillAsync(AccessScope scope, Guid attachmentId)
    {
        _proposal = await FilledForms.ProposeFromAttachmentAsync(scope, attachmentId, Cancellation);
        if (_proposal is not { Form: FormCode.F502 or FormCode.F503 or FormCode.F504 } proposal || proposal.TicketId != _ticket?.Id)
        {
            _proposal = null;
            _error = "Ce fichier n'est pas un formulaire F502, F503 ou F504 rempli de ce ticket : rien n'a été pré-rempli.";
            return;
        }

        _form = proposal.Form!.Value;
        _comment = Comment(proposal);
        var identification = await Drafts.IdentifyAsync(scope, proposal.Reading, _ticket?.StructureId, Cancellation);
        _structureMessage = identification.Message;
        await OnStructureChanged(identification.Structure is { } structure ? StructureRow.Of(structure) : null);
    }

    /// <summary>
    /// "Formulaire F504 reçu (f504.pdf)." and what the registry does not keep but the agent should see on the request: the
    /// effective date asked on an F504 (the change applies when filed), where and when the form was signed.
    /// </summary>
    private static string Comment(FilledFormProposal proposal)
    {
        var reading = proposal.Reading;
        var parts = new List<string> { $"Formulaire {proposal.Form} reçu ({proposal.FileName})." };
        if (Day(reading, "effectiveOn") is { } effective) parts.Add($"Date d'effet demandée : {effective}.");
        var signedAt = reading.ValueOf("signedAt");
        var signedOn = Day(reading, "signedOn");
        if (signedAt is not null || signedOn is not null)
            parts.Add("Signé" + (signedAt is null ? "" : $" à {signedAt}") + (signedOn is null ? "" : $" le {signedOn}") + ".");
        return string.Join(' ', parts);
    }

    private static string? Day(FilledFormReading reading, string key) =>
        reading.Fields.FirstOrDefault(f => f.Key == key) is { IsValid: true } field
        && DateOnly.TryParseExact(field.Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private async Task<IEnumerable<StructureRow>> SearchStructuresAsync(string? text, CancellationToken ct) =>
        (await Structures.SearchAsync(await GetScopeAsync(), new StructureQuery(text), new PageRequest(0, 20), ct)).Items;

    /// <summary>The structure chosen (from the form, the ticket or by the agent): its roster, and the draft mapped again onto it.</summary>
    private async Task OnStructureChanged(StructureRow? structure)
    {
        _structure = structure;
        _roster = structure is null ? null : await Drafts.RosterAsync(await GetScopeAsync(), structure.Id, Cancellation);
        _declarants = [];
        _draft = null;
        _lines = [];
        if (_roster is not { } roster)
        {
            _declarant = null;
            return;
        }

        var s = roster.Structure;
        if (s.LegalRepresentativeId is { } head) _declarants.Add((head, $"{s.LegalRepresentativeName} (représentant légal)", RequesterCapacity.StructureHead));
        _declarants.AddRange(s.Mandates.Where(m => m.IsActive).DistinctBy(m => m.PersonId).Select(m => (m.PersonId, $"{m.PersonName} (mandataire)", RequesterCapacity.Mandatary)));

        if (_proposal is { } proposal)
        {
            _draft = StructureFormDraft.From(proposal.Reading, roster);
            _declarant = _draft.DeclarantPersonId;
            _lines = _draft.Lines.Select(l => new LineInput
            {
                Number = l.Number, Written = l.Name, Message = l.Message, Add = l.Add, PersonId = l.PersonId, Included = l.Included,
            }).ToList();
            if (_draft.NewAddress is { } address) _address = address;
        }
        else
        {
            _declarant = s.LegalRepresentativeId;
        }
    }

    private void OnFormChanged(FormCode form)
    {
        _form = form;
        _lines = [];
    }

    private void AddLine() => _lines.Add(new LineInput { Included = true });

    /// <summary>Who a line may name: an active card holder to designate or add; a running mandatary or administrator to remove.</summary>
    private IEnumerable<(Guid Id, string Name)> Candidates(LineInput line)
    {
        if (_roster is not { } roster) return [];
        if (line.Add) return roster.ActiveCardHolders.Select(h => (h.Id, h.Name));
        return _form == FormCode.F502
            ? roster.Structure.Mandates.Where(m => m.IsActive).DistinctBy(m => m.PersonId).Select(m => (m.PersonId, m.PersonName))
            : roster.Administrators.Where(a => a.IsActive).DistinctBy(a => a.PersonId).Select(a => (a.PersonId, a.PersonName));
    }

    private string PersonName(Guid? id) =>
        id is { } personId && _roster is { } roster
            ? roster.ActiveCardHolders.FirstOrDefault(h => h.Id == personId)?.Name
              ?? roster.Structure.Mandates.FirstOrDefault(m => m.PersonId == personId)?.PersonName
              ?? roster.Administrators.FirstOrDefault(a => a.PersonId == personId)?.PersonName ?? ""
            : "";

    private static void OnPersonChanged(LineInput line, Guid? personId)
    {
        line.PersonId = personId;
        line.Included = personId is not null;
    }

    private static void OnActionChanged(LineInput line, bool add)
    {
        line.Add = add;
        line.PersonId = null;
        line.Included = false;
    }

    private bool CanFile => _structure is not null && !_busy
        && (HasLines ? _lines.Any(l => l.Included && l.PersonId is not null) : !string.IsNullOrWhiteSpace(_address.Line1));

    private async Task FileAsync()
    {
        _error = null;
        _busy = true;
        try
        {
            var scope = await GetScopeAsync();
            var declarant = _declarants.FirstOrDefault(d => d.Id == _declarant);
            var capacity = _declarant is null ? _draft?.DeclarantCapacity ?? RequesterCapacity.StructureHead : declarant.Capacity;
            var name = _declarant is null ? _draft?.DeclarantName : PersonName(_declarant);
            var filing = new StructureFiling(_structure!.Id, RequestChannel.Mail, capacity, _declarant, name, _idDocumentId,
                string.IsNullOrWhiteSpace(_comment) ? null : _comment.Trim(), _ticket?.Id);
            var chosen = _lines.Where(l => l.Included && l.PersonId is not null).ToList();
            var add = chosen.Where(l => l.Add).Select(l => l.PersonId!.Value).ToList();
            var remove = chosen.Where(l => !l.Add).Select(l => l.PersonId!.Value).ToList();
            _outcome = _form switch
            {
                FormCode.F502 => await Forms.ChangeMandatariesAsync(scope, filing, add, remove, Cancellation),
                FormCode.F503 => await Forms.ChangeTechnicalAdministratorsAsync(scope, filing, add, remove, Cancellation),
                _ => await Forms.ChangeDeliveryAddressAsync(scope, filing, _address, Cancellation),
            };
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

    private static string FormTitle(FormCode form) => form switch
    {
        FormCode.F502 => "Mandataires (F502)",
        FormCode.F503 => "Administrateurs techniques (F503)",
        _ => "Adresse de livraison des cartes (F504)",
    };
}
