using CpsSupport.Features.Incidents;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CpsSupport.Web.Features.Requests;

/// <summary>One request: its status, people, card, dates and timeline; the desk moves it along the workflow from here.</summary>
public partial class RequestDetailPage
{
    /// <summary>Forms validated and processed by their own service (it applies the effects): no plain status buttons for those steps.</summary>
    private static readonly FormCode[] FormsWithEffects = [FormCode.F501, FormCode.F502, FormCode.F503, FormCode.F504];

    private RequestDetail? _request;
    private IncidentOutcome? _outcome;
    private bool _loaded;
    private bool _isDesk;
    private string? _error;
    private string? _pieces;
    private string? _rejectReason;
    private IReadOnlyList<AttachmentDto> _attachments = [];
    private Guid? _idDocumentId;

    [Parameter] public Guid Id { get; set; }

    [Inject] private RequestService Requests { get; set; } = default!;
    [Inject] private IncidentService Incidents { get; set; } = default!;
    [Inject] private StructureRequestService StructureForms { get; set; } = default!;
    [Inject] private TicketQueryService Tickets { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var scope = await GetScopeAsync();
        _isDesk = scope.IsDesk;
        _request = await Requests.GetAsync(scope, Id, Cancellation);
        _outcome = _request?.Form == FormCode.F501 ? await Incidents.GetOutcomeAsync(scope, Id, Cancellation) : null;
        // The identity document that completes an F501–F504 arrives as an attachment of the linked ticket.
        _attachments = _isDesk && _request is { Status: RequestStatus.MissingPieces, TicketId: { } ticketId }
            && await Tickets.GetAsync(scope, ticketId, Cancellation) is { } ticket
            ? ticket.Timeline.SelectMany(e => e.Attachments ?? []).ToList()
            : [];
        _loaded = true;
    }

    /// <summary>Missing pieces and rejection need a text, so they have their own inputs.</summary>
    private static IEnumerable<RequestStatus> ButtonStatuses(RequestDetail request) =>
        request.NextStatuses.Where(s => s is not RequestStatus.MissingPieces and not RequestStatus.Rejected
            && !(FormsWithEffects.Contains(request.Form) && s is RequestStatus.Validated or RequestStatus.InProgress or RequestStatus.Completed));

    private Task ChangeStatusAsync(RequestStatus status) => RunAsync(async () =>
        await Requests.ChangeStatusAsync(await GetScopeAsync(), Id, status, version: _request!.Version, ct: Cancellation),
        $"Demande passée à « {RequestLabels.Status(status)} ».");

    private Task RequestPiecesAsync() => RunAsync(async () =>
    {
        var pieces = (_pieces ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        await Requests.RequestPiecesAsync(await GetScopeAsync(), Id, pieces, _request!.Version, Cancellation);
        _pieces = null;
    }, "Pièces réclamées au demandeur.");

    private Task RejectAsync() => RunAsync(async () =>
    {
        await Requests.RejectAsync(await GetScopeAsync(), Id, _rejectReason!, _request!.Version, Cancellation);
        _rejectReason = null;
    }, "Demande rejetée.");

    /// <summary>Incidents and structure forms are judged again and applied by their service; orders go back to "Soumise".</summary>
    private Task PiecesReceivedAsync() => RunAsync(async () =>
    {
        var scope = await GetScopeAsync();
        if (_request!.Form == FormCode.F501) await Incidents.ProvidePiecesAsync(scope, Id, new IncidentPieces(_idDocumentId!.Value), Cancellation);
        else if (FormsWithEffects.Contains(_request.Form)) await StructureForms.ProvidePiecesAsync(scope, Id, _idDocumentId!.Value, Cancellation);
        else await Requests.ReceivePiecesAsync(scope, Id, Cancellation);
        _idDocumentId = null;
    }, "Pièces enregistrées.");

    private async Task RunAsync(Func<Task> action, string success)
    {
        _error = null;
        try
        {
            await action();
            Snackbar.Add(success, Severity.Success);
        }
        catch (RequestException e)
        {
            _error = e.Message;
        }
        await LoadAsync();
    }
}
