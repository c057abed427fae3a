using System.Security.Claims;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Tickets;
using CpsSupport.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CpsSupport.Web.Features.Tickets;

/// <summary>
/// The ticket: timeline, reply box, state and assignment, classification saved over the version loaded (a change made
/// meanwhile by someone else is refused, never overwritten), cards, links and merge, and who else has it open.
/// </summary>
public partial class TicketPage
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);

    private TicketDetail? _ticket;
    private bool _loaded;
    private bool _kbOpen;
    private string? _error;
    private string? _reply;
    private TicketMessageKind _replyKind = TicketMessageKind.PublicReply;
    private string? _cardSerial;
    private string? _otherNumber;
    private IReadOnlyList<TicketQueueDto> _queues = [];
    private IReadOnlyList<string> _others = [];
    private Guid? _shownId;
    private Guid _userId;
    private string _userName = "";
    private PeriodicTimer? _timer;
    private readonly EditModel _edit = new();
    private readonly List<NewAttachment> _files = [];

    [Parameter] public Guid Id { get; set; }

    [Inject] private TicketQueryService Queries { get; set; } = default!;
    [Inject] private TicketService Tickets { get; set; } = default!;
    [Inject] private CardService Cards { get; set; } = default!;
    [Inject] private TicketPresence Presence { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = AuthenticationState is null ? new ClaimsPrincipal() : (await AuthenticationState).User;
        _userId = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
        _userName = user.FindFirstValue(CpsClaimTypes.DisplayName) ?? user.Identity?.Name ?? "";
        _queues = await Queries.QueuesAsync(Cancellation);
        Presence.Changed += OnPresenceChanged;
    }

    protected override async Task OnParametersSetAsync()
    {
        // The same page instance shows another ticket after a merge or a link: nothing typed for the previous one is kept.
        if (_shownId is { } previous && previous != Id)
        {
            ResetInputs();
            await LeaveAsync(previous);
        }
        await LoadAsync();
        _loaded = true;
        // Prerendering only shows the page: presence starts with the interactive circuit.
        if (_ticket is null || _shownId == Id || !RendererInfo.IsInteractive) return;
        _shownId = Id;
        _others = await Tickets.TouchViewerAsync(Id, _userId, _userName, Cancellation);
        Presence.Notify(Id);
        if (_timer is null) _ = HeartbeatAsync();
    }

    private void ResetInputs()
    {
        _reply = _cardSerial = _otherNumber = null;
        _files.Clear();
        _kbOpen = false;
        _others = [];
    }

    private async Task LoadAsync()
    {
        var id = Id;
        var scope = await GetScopeAsync();
        var ticket = await Queries.GetAsync(scope, id, Cancellation);
        // A load begun for the ticket shown before a navigation (merge, link) finishes late: it must not replace the new one.
        if (id != Id) return;
        _ticket = ticket;
        if (_ticket is { } t) _edit.From(t);
    }

    /// <summary>Tells the others (on other servers too) we still have the ticket open and learns who else has, until the page is left.</summary>
    private async Task HeartbeatAsync()
    {
        _timer = new PeriodicTimer(Heartbeat);
        try
        {
            while (await _timer.WaitForNextTickAsync(Cancellation)) await RefreshPresenceAsync();
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The page was left.
        }
    }

    /// <summary>Someone opened or left a ticket on this server: if it is ours, who else has it open changed.</summary>
    private void OnPresenceChanged(Guid ticketId)
    {
        if (ticketId == _shownId) _ = InvokeAsync(RefreshPresenceAsync);
    }

    private async Task RefreshPresenceAsync()
    {
        try
        {
            _others = await Tickets.TouchViewerAsync(Id, _userId, _userName, Cancellation);
            StateHasChanged();
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The page was left while the refresh was on its way.
        }
    }

    private async Task LeaveAsync(Guid ticketId)
    {
        await Tickets.LeaveViewerAsync(ticketId, _userId, CancellationToken.None);
        Presence.Notify(ticketId);
    }

    private Task RunAsync(Func<Task> action, string? success = null) => RunAsync(async () => { await action(); return success; });

    private async Task RunAsync(Func<Task<string?>> action)
    {
        _error = null;
        try
        {
            var message = await action();
            if (message is not null) Snackbar.Add(message, Severity.Success);
        }
        catch (TicketConflictException)
        {
            // The page reloads the ticket below: say so, rather than the service's "reload it".
            _error = $"Le ticket {_ticket?.Number} a été modifié par quelqu'un d'autre pendant que vous le consultiez : vos modifications n'ont pas été enregistrées. "
                + "La page affiche maintenant la version à jour ; refaites-les si elles sont toujours utiles.";
            // The button clicked may be far below the message at the top of the page.
            Snackbar.Add("Modification refusée : le ticket a changé entre-temps.", Severity.Error);
        }
        catch (TicketException e)
        {
            _error = e.Message;
            Snackbar.Add(e.Message, Severity.Error);
        }
        await LoadAsync();
    }

    private Task ChangeStateAsync(TicketState state) => RunAsync(async () =>
        await Tickets.ChangeStateAsync(await GetScopeAsync(), Id, state, _ticket!.Version, Cancellation), $"Ticket passé à « {TicketLabels.State(state)} ».");

    private Task AssignAsync(Guid userId) => RunAsync(async () =>
        await Tickets.AssignAsync(await GetScopeAsync(), Id, userId, _ticket!.Version, Cancellation), "Ticket assigné.");

    private Task SendAsync() => RunAsync(async () =>
    {
        await Tickets.AddMessageAsync(await GetScopeAsync(), Id, new NewTicketMessage(_replyKind, _reply ?? "", [.. _files]), Cancellation);
        _reply = null;
        _files.Clear();
        return TicketLabelsUi.MessageKind(_replyKind) + " ajoutée.";
    });

    /// <summary>Reads the chosen files (refused at once when too big; the type is checked when sending).</summary>
    private async Task AddFilesAsync(Microsoft.AspNetCore.Components.Forms.InputFileChangeEventArgs e)
    {
        _error = null;
        foreach (var file in e.GetMultipleFiles(CpsSupport.Features.Files.AttachmentPolicy.MaxCount))
        {
            if (file.Size > CpsSupport.Features.Files.AttachmentPolicy.MaxBytes)
            {
                _error = $"Le fichier {file.Name} dépasse la taille maximale de {CpsSupport.Features.Files.AttachmentPolicy.MaxBytes / (1024 * 1024)} Mo.";
                continue;
            }
            using var buffer = new MemoryStream();
            await file.OpenReadStream(CpsSupport.Features.Files.AttachmentPolicy.MaxBytes, Cancellation).CopyToAsync(buffer, Cancellation);
            _files.Add(new NewAttachment(file.Name, buffer.ToArray()));
        }
    }

    private void InsertArticle(string text)
    {
        _reply = string.IsNullOrWhiteSpace(_reply) ? text : _reply.TrimEnd() + "\n\n" + text;
        _replyKind = TicketMessageKind.PublicReply;
        _kbOpen = false;
    }

    private Task SaveAsync() => RunAsync(async () =>
    {
        var t = _ticket!;
        await Tickets.UpdateAsync(await GetScopeAsync(), Id, new TicketUpdate(t.Version, _edit.Subject ?? "", _edit.Category, _edit.Priority,
            t.RequesterCapacity, t.RequesterName, t.RequesterEmail, t.RequesterPhone, t.PersonId, t.StructureId, _edit.QueueId,
            (_edit.Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), Cancellation);
        return "Ticket enregistré.";
    });

    private Task LinkCardAsync() => RunAsync(async () =>
    {
        var scope = await GetScopeAsync();
        var card = await Cards.GetBySerialAsync(scope, _cardSerial!.Replace(" ", ""), Cancellation)
            ?? throw new TicketException($"Aucune carte n° {_cardSerial} dans le registre.");
        await Tickets.LinkCardAsync(scope, Id, card.Id, Cancellation);
        _cardSerial = null;
        return $"Carte {card.SerialNumber} liée.";
    });

    private Task LinkTicketAsync() => RunAsync(async () =>
    {
        var scope = await GetScopeAsync();
        var other = await FindOtherAsync();
        await Tickets.LinkAsync(scope, Id, other.Id, Cancellation);
        return $"Ticket {other.Number} lié.";
    });

    private Task MergeAsync() => RunAsync(async () =>
    {
        var scope = await GetScopeAsync();
        var other = await FindOtherAsync();
        // A merge closes this ticket and moves its messages for good: one click on the wrong number must not do it.
        var confirmed = await Dialogs.ShowMessageBoxAsync($"Fusionner dans {other.Number} ?",
            $"Les messages et les cartes de {_ticket!.Number} iront dans « {other.Subject} » ({other.Number}), et {_ticket.Number} sera clos. "
            + "Une fusion ne peut pas être annulée.", yesText: "Fusionner", cancelText: "Annuler");
        if (confirmed != true) return null;
        await Tickets.MergeAsync(scope, Id, other.Id, Cancellation);
        Navigation.NavigateTo($"/tickets/{other.Id}");
        return $"Ticket fusionné dans {other.Number}.";
    });

    private async Task<TicketSearchHit> FindOtherAsync()
    {
        var number = _otherNumber!.Trim().ToUpperInvariant();
        var hits = await Queries.SearchAsync(await GetScopeAsync(), number, 2, Cancellation);
        return hits.FirstOrDefault(h => h.Number == number) ?? throw new TicketException($"Aucun ticket n° {number}.");
    }

    public async ValueTask DisposeAsync()
    {
        Presence.Changed -= OnPresenceChanged;
        Dispose();
        _timer?.Dispose();
        if (_shownId is { } shown && _userId != Guid.Empty)
        {
            try { await LeaveAsync(shown); }
            catch (Exception e) when (e is not OutOfMemoryException) { /* best effort: the entry expires after a minute anyway */ }
        }
        GC.SuppressFinalize(this);
    }

    private sealed class EditModel
    {
        public string? Subject { get; set; }
        public TicketCategory Category { get; set; }
        public TicketPriority Priority { get; set; }
        public Guid? QueueId { get; set; }
        public string? Tags { get; set; }

        public void From(TicketDetail t)
        {
            Subject = t.Subject;
            Category = t.Category;
            Priority = t.Priority;
            QueueId = t.QueueId;
            Tags = string.Join(", ", t.Tags);
        }
    }
}
