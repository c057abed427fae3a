using CpsSupport.Features.Tickets;
using MudBlazor;

namespace CpsSupport.Web.Features.Tickets;

/// <summary>Colours of the ticket screens: the SLA due date and the state chip.</summary>
public static class TicketLabelsUi
{
    public static Color ColorOf(SlaStatus status) => status switch
    {
        SlaStatus.Overdue => Color.Error,
        SlaStatus.AtRisk => Color.Warning,
        SlaStatus.OnTrack => Color.Success,
        SlaStatus.Paused => Color.Info,
        _ => Color.Default,
    };

    public static Color ColorOf(TicketState state) => state switch
    {
        TicketState.New => Color.Primary,
        TicketState.InProgress => Color.Info,
        TicketState.WaitingForRequester or TicketState.WaitingForProduction => Color.Warning,
        TicketState.Resolved => Color.Success,
        _ => Color.Default,
    };

    public static Color ColorOf(TicketPriority priority) => priority switch
    {
        TicketPriority.Urgent => Color.Error,
        TicketPriority.High => Color.Warning,
        TicketPriority.Low => Color.Default,
        _ => Color.Default,
    };

    public static string Icon(TimelineEntryKind kind) => kind switch
    {
        TimelineEntryKind.PublicReply => Icons.Material.Filled.Reply,
        TimelineEntryKind.InternalNote => Icons.Material.Filled.StickyNote2,
        TimelineEntryKind.PhoneNote => Icons.Material.Filled.Phone,
        TimelineEntryKind.IncomingMail => Icons.Material.Filled.Mail,
        TimelineEntryKind.CardEvent => Icons.Material.Filled.CreditCard,
        TimelineEntryKind.Request => Icons.Material.Filled.Description,
        _ => Icons.Material.Filled.History,
    };

    public static string Title(TimelineEntryKind kind) => kind switch
    {
        TimelineEntryKind.PublicReply => "Réponse au demandeur",
        TimelineEntryKind.InternalNote => "Note interne",
        TimelineEntryKind.PhoneNote => "Note d'appel",
        TimelineEntryKind.IncomingMail => "Message du demandeur",
        TimelineEntryKind.CardEvent => "Carte",
        TimelineEntryKind.Request => "Demande",
        _ => "Suivi",
    };

    public static string MessageKind(TicketMessageKind kind) => kind switch
    {
        TicketMessageKind.PublicReply => "Réponse au demandeur",
        TicketMessageKind.InternalNote => "Note interne",
        TicketMessageKind.PhoneNote => "Note d'appel",
        _ => "Message entrant",
    };
}
