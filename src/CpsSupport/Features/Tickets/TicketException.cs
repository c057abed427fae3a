namespace CpsSupport.Features.Tickets;

/// <summary>A ticket operation refused by a business rule; the message is French and shown to the user as is.</summary>
public class TicketException(string message) : InvalidOperationException(message);

/// <summary>The ticket changed since the user loaded it: nothing was saved.</summary>
public sealed class TicketConflictException(string number)
    : TicketException($"Le ticket {number} a été modifié par quelqu'un d'autre pendant que vous le consultiez. Rechargez-le : vos modifications n'ont pas été enregistrées.");

/// <summary>The ticket does not exist or is outside the caller's scope (the two are never told apart).</summary>
public sealed class TicketNotFoundException() : TicketException("Ticket introuvable.");
