namespace CpsSupport.Features.Cards;

/// <summary>The French words of the card enums, for texts written by the library (timelines, explanations).</summary>
public static class CardLabels
{
    /// <summary>Lower case, to read inside a sentence: "la carte est mise en opposition".</summary>
    public static string Status(CardStatus status) => status switch
    {
        CardStatus.Ordered => "commandée",
        CardStatus.InProduction => "en fabrication",
        CardStatus.Shipped => "expédiée",
        CardStatus.CodesSent => "codes envoyés",
        CardStatus.Active => "active",
        CardStatus.Blocked => "bloquée",
        CardStatus.Opposed => "mise en opposition",
        CardStatus.Expired => "expirée",
        CardStatus.Returned => "restituée",
        _ => status.ToString(),
    };

    public static string Type(CardType type) => type switch
    {
        CardType.Cps => "CPS",
        CardType.Cpf => "CPF",
        CardType.Cpe => "CPE",
        CardType.Cde => "CDE",
        CardType.Cpa => "CPA",
        CardType.Cda => "CDA",
        CardType.Test => "carte de test",
        _ => type.ToString(),
    };
}
