using CpsSupport.Features.Cards;

namespace CpsSupport.Features.Tickets;

/// <summary>The French words of the ticket enums, for the timeline texts written by the library and for the screens.</summary>
public static class TicketLabels
{
    public static string State(TicketState state) => state switch
    {
        TicketState.New => "Nouveau",
        TicketState.InProgress => "En cours",
        TicketState.WaitingForRequester => "En attente du demandeur",
        TicketState.WaitingForProduction => "En attente de production",
        TicketState.Resolved => "Résolu",
        TicketState.Closed => "Clos",
        _ => state.ToString(),
    };

    public static string Category(TicketCategory category) => category switch
    {
        TicketCategory.Loss => "Perte",
        TicketCategory.Theft => "Vol",
        TicketCategory.Malfunction => "Dysfonctionnement",
        TicketCategory.CardNotReceived => "Carte non reçue",
        TicketCategory.CodesNotReceived => "Codes non reçus",
        TicketCategory.BlockedPin => "Code porteur bloqué",
        TicketCategory.ForgottenPin => "Code oublié ou courrier perdu",
        TicketCategory.DeliveryAddressChange => "Changement d'adresse de livraison",
        TicketCategory.Mandataries => "Mandataires",
        TicketCategory.TechnicalAdministrators => "Administrateurs techniques",
        TicketCategory.CardOrder => "Commande de cartes",
        TicketCategory.ECpsActivation => "Activation e-CPS",
        TicketCategory.ReaderSetup => "Lecteur, Cryptolib, navigateur",
        TicketCategory.Other => "Autre",
        _ => category.ToString(),
    };

    public static string Priority(TicketPriority priority) => priority switch
    {
        TicketPriority.Low => "Basse",
        TicketPriority.Normal => "Normale",
        TicketPriority.High => "Haute",
        TicketPriority.Urgent => "Urgente",
        _ => priority.ToString(),
    };

    public static string Channel(TicketChannel channel) => channel switch
    {
        TicketChannel.Phone => "Téléphone",
        TicketChannel.Mail => "Courriel",
        TicketChannel.Portal => "Portail",
        TicketChannel.Tom => "TOM",
        TicketChannel.Tops => "TOPS",
        _ => channel.ToString(),
    };

    public static string Capacity(RequesterCapacity capacity) => capacity switch
    {
        RequesterCapacity.Holder => "Porteur",
        RequesterCapacity.Mandatary => "Mandataire",
        RequesterCapacity.StructureHead => "Responsable de structure",
        RequesterCapacity.Authority => "Autorité",
        RequesterCapacity.Other => "Autre",
        _ => capacity.ToString(),
    };

    public static string Sla(SlaStatus status) => status switch
    {
        SlaStatus.OnTrack => "Dans les délais",
        SlaStatus.AtRisk => "À risque",
        SlaStatus.Overdue => "En retard",
        SlaStatus.Paused => "En pause",
        SlaStatus.Met => "Terminé",
        _ => "—",
    };

    public static string View(TicketView view) => view switch
    {
        TicketView.AllOpen => "Ouverts",
        TicketView.Mine => "Mes tickets",
        TicketView.Unassigned => "Non assignés",
        TicketView.Overdue => "En retard",
        TicketView.WaitingForRequester => "En attente du demandeur",
        TicketView.Queue => "File",
        TicketView.Closed => "Résolus et clos",
        TicketView.All => "Tous",
        _ => view.ToString(),
    };

    /// <summary>French name of an edited ticket field, for "Fiche modifiée : …" lines of the timeline.</summary>
    public static string Field(string property) => property switch
    {
        nameof(Ticket.Subject) => "objet",
        nameof(Ticket.RequesterName) => "nom du demandeur",
        nameof(Ticket.RequesterEmail) => "courriel du demandeur",
        nameof(Ticket.RequesterPhone) => "téléphone du demandeur",
        nameof(Ticket.RequesterCapacity) => "qualité du demandeur",
        nameof(Ticket.PersonId) => "personne concernée",
        nameof(Ticket.StructureId) => "structure",
        nameof(Ticket.QueueId) => "file",
        _ => property,
    };

    public static string CardStatus(CardStatus status) => CardLabels.Status(status);
}
