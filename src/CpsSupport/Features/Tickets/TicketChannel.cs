namespace CpsSupport.Features.Tickets;

public enum TicketChannel
{
    Phone,
    Mail,
    Portal,
    Tom,
    Tops,
}
