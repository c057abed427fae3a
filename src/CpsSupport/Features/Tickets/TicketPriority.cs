namespace CpsSupport.Features.Tickets;

public enum TicketPriority
{
    Low,
    Normal,
    High,
    Urgent,
}
