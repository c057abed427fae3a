using CpsSupport.Features.Orders;
using MudBlazor;

namespace CpsSupport.Web.Features.Orders;

/// <summary>Colours and icons of the order line statuses.</summary>
public static class OrderLabelsUi
{
    public static Color ColorOf(OrderLineStatus status) => status switch
    {
        OrderLineStatus.MissingPieces => Color.Warning,
        OrderLineStatus.Active => Color.Success,
        OrderLineStatus.Rejected => Color.Error,
        OrderLineStatus.Submitted => Color.Default,
        _ => Color.Info,
    };

    public static string IconOf(OrderLineStatus status) => status switch
    {
        OrderLineStatus.Submitted => Icons.Material.Filled.Send,
        OrderLineStatus.MissingPieces => Icons.Material.Filled.HourglassTop,
        OrderLineStatus.Validated => Icons.Material.Filled.FactCheck,
        OrderLineStatus.InProduction => Icons.Material.Filled.PrecisionManufacturing,
        OrderLineStatus.Shipped => Icons.Material.Filled.LocalShipping,
        OrderLineStatus.CodesSent => Icons.Material.Filled.MarkEmailRead,
        OrderLineStatus.Active => Icons.Material.Filled.VerifiedUser,
        _ => Icons.Material.Filled.Block,
    };
}
