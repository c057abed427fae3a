using CpsSupport.Features.Tickets;
using Microsoft.AspNetCore.Components;

namespace CpsSupport.Web.Features.Tickets;

/// <summary>Phone intake: look the caller up while they talk, pick the category, write the call note, save.</summary>
public partial class PhoneIntakePage
{
    private string? _lookup;
    private CallerLookupResult? _result;
    private CallerMatch? _person;
    private readonly HashSet<Guid> _cardIds = [];
    private Guid? _structureId;
    private TicketCategory _category = TicketCategory.Other;
    private RequesterCapacity _capacity = RequesterCapacity.Holder;
    private TicketPriority _priority = TicketPriority.Normal;
    private string? _subject;
    private bool _subjectTyped;
    private string? _requesterName;
    private string? _requesterPhone;
    private string? _note;
    private Guid? _queueId;
    private bool _assignToMe = true;
    private bool _saving;
    private string? _error;
    private IReadOnlyList<TicketQueueDto> _queues = [];

    [Inject] private CallerLookupService Lookup { get; set; } = default!;
    [Inject] private TicketService Tickets { get; set; } = default!;
    [Inject] private TicketQueryService Queries { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _queues = await Queries.QueuesAsync(Cancellation);

    private async Task LookupAsync()
    {
        var scope = await GetScopeAsync();
        _result = await Lookup.LookupAsync(scope, _lookup, Cancellation);
        if (_result.Matches.Count == 1) Select(_result.Matches[0]);
    }

    private void Select(CallerMatch match)
    {
        _person = match;
        _cardIds.Clear();
        // The card the agent typed is the one the call is about.
        foreach (var card in match.Cards.Where(c => c.SerialNumber == _lookup?.Replace(" ", ""))) _cardIds.Add(card.Id);
        _structureId = match.Structures.FirstOrDefault()?.Id;
        _requesterPhone ??= match.Phone;
        _capacity = match.Structures.Any(s => s.Role == "Représentant légal") && match.Cards.Count == 0 ? RequesterCapacity.StructureHead : RequesterCapacity.Holder;
    }

    private void ToggleCard(Guid id, bool selected)
    {
        if (selected) _cardIds.Add(id);
        else _cardIds.Remove(id);
    }

    /// <summary>Once the agent wrote the subject, picking another category no longer replaces it.</summary>
    private void OnSubjectTyped(string? subject)
    {
        _subject = subject;
        _subjectTyped = !string.IsNullOrWhiteSpace(subject);
    }

    private void OnCategoryChanged(TicketCategory category)
    {
        _category = category;
        if (!_subjectTyped || string.IsNullOrWhiteSpace(_subject)) _subject = TicketLabels.Category(category);
        if (category is TicketCategory.Loss or TicketCategory.Theft && _priority == TicketPriority.Normal) _priority = TicketPriority.High;
    }

    private async Task SaveAsync()
    {
        _error = null;
        _saving = true;
        try
        {
            var scope = await GetScopeAsync();
            var created = await Tickets.CreateAsync(scope, new NewTicket(
                _subject ?? "", TicketChannel.Phone, _category, _priority, _capacity,
                _person?.FullName ?? _requesterName, _person?.Email, _requesterPhone,
                _person?.PersonId, _structureId, _cardIds.ToList(), _queueId, _assignToMe ? scope.UserId : null,
                FirstNote: _note, FirstNoteKind: TicketMessageKind.PhoneNote), Cancellation);
            Navigation.NavigateTo($"/tickets/{created.Id}");
        }
        catch (TicketException e)
        {
            _error = e.Message;
        }
        finally
        {
            _saving = false;
        }
    }
}
