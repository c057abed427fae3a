using CpsSupport.Features.Documents;
using CpsSupport.Features.Requests;
using CpsSupport.Web.Components;
using Microsoft.AspNetCore.Components;

namespace CpsSupport.Web.Features.Documents;

/// <summary>
/// Shown on the ticket page when a PDF attached to the ticket has form fields: « Formulaire rempli détecté (F501) », the
/// values read with their validation messages, and a button to the new-request page of that form (F501, structure forms,
/// orders), pre-filled from it.
/// Nothing is shown for a PDF without fields.
/// </summary>
public partial class FilledFormsPanel
{
    private IReadOnlyList<FilledFormProposal> _proposals = [];
    private (Guid, int)? _loaded;

    [Parameter, EditorRequired] public Guid TicketId { get; set; }

    /// <summary>How many attachments the ticket has: the PDFs are read again only when it changes.</summary>
    [Parameter] public int AttachmentCount { get; set; }

    [Inject] private FilledFormService FilledForms { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == (TicketId, AttachmentCount)) return;
        _loaded = (TicketId, AttachmentCount);
        _proposals = AttachmentCount == 0 ? [] : await FilledForms.ProposeForTicketAsync(await GetScopeAsync(), TicketId, Cancellation);
    }

    /// <summary>
    /// The new-request page of the form, with the ticket and the file to read: the F501 declaration, the structure forms
    /// (F502, F503, F504) and the order form (F101, F201, F301, F414). None for a form not recognised.
    /// </summary>
    private static string? NewRequestPage(FilledFormProposal proposal) => proposal.Form switch
    {
        FormCode.F501 => $"/demandes/nouvelle/f501?ticket={proposal.TicketId}&formulaire={proposal.AttachmentId}",
        FormCode.F502 or FormCode.F503 or FormCode.F504 => $"/demandes/nouvelle/structure?ticket={proposal.TicketId}&formulaire={proposal.AttachmentId}",
        FormCode.F101 or FormCode.F201 or FormCode.F301 or FormCode.F414 => $"/commandes/nouvelle?ticket={proposal.TicketId}&formulaire={proposal.AttachmentId}",
        _ => null,
    };
}
