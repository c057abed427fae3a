namespace CpsSupport.Features.Tickets;

/// <summary>Ticket states as the desk names them (Nouveau, En cours, …); transitions come with the ticketing feature.</summary>
public enum TicketState
{
    New,
    InProgress,
    WaitingForRequester,
    WaitingForProduction,
    Resolved,
    Closed,
}
