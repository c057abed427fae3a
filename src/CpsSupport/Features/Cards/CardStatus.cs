namespace CpsSupport.Features.Cards;

/// <summary>Where a card stands in its life, from the order to its end.</summary>
public enum CardStatus
{
    Ordered,
    InProduction,
    Shipped,
    CodesSent,
    Active,
    Blocked,
    Opposed,
    Expired,
    Returned,
}
