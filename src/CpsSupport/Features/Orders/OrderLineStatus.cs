namespace CpsSupport.Features.Orders;

/// <summary>
/// Where one card line of an order stands: filed, waiting for pieces, validated, then the card's production — made,
/// shipped, codes sent, active — or refused. Stored by name.
/// </summary>
public enum OrderLineStatus
{
    /// <summary>Soumise.</summary>
    Submitted,
    /// <summary>Pièces manquantes (the order waits for pieces).</summary>
    MissingPieces,
    /// <summary>Validée: complete and allowed; the card's dates are promised.</summary>
    Validated,
    /// <summary>En fabrication: the card exists in the registry.</summary>
    InProduction,
    /// <summary>Expédiée.</summary>
    Shipped,
    /// <summary>Codes envoyés: the secure PIN letter left one business day after the card.</summary>
    CodesSent,
    /// <summary>Active.</summary>
    Active,
    /// <summary>Rejetée, with a reason.</summary>
    Rejected,
}
