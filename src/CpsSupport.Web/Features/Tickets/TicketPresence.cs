namespace CpsSupport.Web.Features.Tickets;

/// <summary>
/// Tells the ticket pages open on this server, at once, that someone opened or left a ticket, so "Aussi ouvert par"
/// does not wait for the next heartbeat. The database heartbeat of <see cref="TicketPage"/> still covers other servers.
/// </summary>
public sealed class TicketPresence
{
    /// <summary>Raised with the ticket's id; handlers must return quickly and dispatch to their own circuit.</summary>
    public event Action<Guid>? Changed;

    public void Notify(Guid ticketId) => Changed?.Invoke(ticketId);
}
