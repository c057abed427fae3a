using System.Globalization;
using CpsSupport.Features.Cards;
using CpsSupport.Features.People;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;
using MudBlazor;

namespace CpsSupport.Web.Components;

/// <summary>The French words and colours the screens show for the domain's enums and dates: one place for every page.</summary>
public static class Labels
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Of(CardStatus status) => status switch
    {
        CardStatus.Ordered => "Commandée",
        CardStatus.InProduction => "En fabrication",
        CardStatus.Shipped => "Expédiée",
        CardStatus.CodesSent => "Codes envoyés",
        CardStatus.Active => "Active",
        CardStatus.Blocked => "Bloquée",
        CardStatus.Opposed => "En opposition",
        CardStatus.Expired => "Expirée",
        CardStatus.Returned => "Restituée",
        _ => status.ToString(),
    };

    /// <summary>Calm colours for the usual path, warning for a blocked card, error for an opposed one.</summary>
    public static Color ColorOf(CardStatus status) => status switch
    {
        CardStatus.Active => Color.Success,
        CardStatus.Blocked => Color.Warning,
        CardStatus.Opposed => Color.Error,
        CardStatus.Expired or CardStatus.Returned => Color.Default,
        _ => Color.Info,
    };

    public static string Of(CardType type) => type switch
    {
        CardType.Cps => "CPS",
        CardType.Cpf => "CPF",
        CardType.Cpe => "CPE",
        CardType.Cde => "CDE",
        CardType.Cpa => "CPA",
        CardType.Cda => "CDA",
        CardType.Test => "Carte de test",
        _ => type.ToString(),
    };

    public static string LongNameOf(CardType type) => type switch
    {
        CardType.Cps => "Carte de professionnel de santé",
        CardType.Cpf => "Carte de professionnel de santé en formation",
        CardType.Cpe => "Carte de personnel d’établissement",
        CardType.Cde => "Carte de directeur d’établissement",
        CardType.Cpa => "Carte de personnel autorisé",
        CardType.Cda => "Carte de directeur d’organisme autorisé",
        CardType.Test => "Carte de test (F414)",
        _ => type.ToString(),
    };

    public static string Of(StructureKind kind) => kind switch
    {
        StructureKind.LiberalPractice => "Cabinet libéral",
        StructureKind.HealthEstablishment => "Établissement de santé",
        StructureKind.MedicoSocial => "Structure médico-sociale",
        StructureKind.HealthDomainNoCare => "Organisme du domaine de la santé sans soins",
        StructureKind.Industrial => "Industriel",
        _ => kind.ToString(),
    };

    public static string Of(RequestStatus status) => RequestLabels.Status(status);

    public static string Of(TicketState state) => state switch
    {
        TicketState.New => "Nouveau",
        TicketState.InProgress => "En cours",
        TicketState.WaitingForRequester => "En attente du demandeur",
        TicketState.WaitingForProduction => "En attente de fabrication",
        TicketState.Resolved => "Résolu",
        TicketState.Closed => "Clos",
        _ => state.ToString(),
    };

    public static string Of(NationalIdKind kind) => kind switch
    {
        NationalIdKind.Rpps => "RPPS",
        NationalIdKind.Adeli => "ADELI",
        NationalIdKind.None => "Aucun",
        _ => kind.ToString(),
    };

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", French) ?? "—";

    /// <summary>A moment shown in Paris time, where the desk works.</summary>
    public static string DateTime(DateTimeOffset? moment) =>
        moment is { } m ? TimeZoneInfo.ConvertTime(m, Paris).ToString("dd/MM/yyyy 'à' HH:mm", French) : "—";

    public static string Number(int value) => value.ToString("N0", French);

    /// <summary>"1 ticket ouvert", "2 tickets ouverts": French takes the singular for 0 and 1.</summary>
    public static string Count(int count, string singular, string plural) => $"{Number(count)} {(count > 1 ? plural : singular)}";

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
}
