namespace CpsSupport.Features.Orders;

/// <summary>The French words of the order line statuses, for timelines and screens.</summary>
public static class OrderLabels
{
    public static string LineStatus(OrderLineStatus status) => status switch
    {
        OrderLineStatus.Submitted => "Soumise",
        OrderLineStatus.MissingPieces => "Pièces manquantes",
        OrderLineStatus.Validated => "Validée",
        OrderLineStatus.InProduction => "En fabrication",
        OrderLineStatus.Shipped => "Expédiée",
        OrderLineStatus.CodesSent => "Codes envoyés",
        OrderLineStatus.Active => "Active",
        OrderLineStatus.Rejected => "Rejetée",
        _ => status.ToString(),
    };
}
