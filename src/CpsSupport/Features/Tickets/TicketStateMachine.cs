namespace CpsSupport.Features.Tickets;

/// <summary>
/// The ticket workflow. A new ticket is taken (En cours), may wait on the requester or on card production, is
/// resolved, then closed. A resolved ticket reopens (En cours) when the requester writes back; a closed one never does:
/// a new ticket is opened instead. Any open ticket can be closed directly (duplicate, spam, merged).
/// </summary>
public static class TicketStateMachine
{
    private static readonly Dictionary<TicketState, TicketState[]> Allowed = new()
    {
        [TicketState.New] = [TicketState.InProgress, TicketState.WaitingForRequester, TicketState.WaitingForProduction, TicketState.Resolved, TicketState.Closed],
        [TicketState.InProgress] = [TicketState.WaitingForRequester, TicketState.WaitingForProduction, TicketState.Resolved, TicketState.Closed],
        [TicketState.WaitingForRequester] = [TicketState.InProgress, TicketState.Resolved, TicketState.Closed],
        [TicketState.WaitingForProduction] = [TicketState.InProgress, TicketState.Resolved, TicketState.Closed],
        [TicketState.Resolved] = [TicketState.InProgress, TicketState.Closed],
        [TicketState.Closed] = [],
    };

    public static bool CanTransition(TicketState from, TicketState to) => Allowed[from].Contains(to);

    public static IReadOnlyList<TicketState> NextStates(TicketState from) => Allowed[from];

    /// <exception cref="TicketException">The workflow does not allow the move; the message says why, in French.</exception>
    public static void EnsureTransition(TicketState from, TicketState to)
    {
        if (CanTransition(from, to)) return;
        throw new TicketException(from == TicketState.Closed
            ? "Un ticket clos ne peut plus changer d'état : ouvrez un nouveau ticket."
            : $"Un ticket « {TicketLabels.State(from)} » ne peut pas passer à « {TicketLabels.State(to)} ».");
    }
}
