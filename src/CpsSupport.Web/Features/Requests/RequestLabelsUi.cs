using CpsSupport.Features.Requests;
using MudBlazor;

namespace CpsSupport.Web.Features.Requests;

/// <summary>The colours of the request statuses on the screens.</summary>
public static class RequestLabelsUi
{
    public static Color ColorOf(RequestStatus status) => status switch
    {
        RequestStatus.Draft => Color.Default,
        RequestStatus.MissingPieces => Color.Warning,
        RequestStatus.Completed => Color.Success,
        RequestStatus.Rejected => Color.Error,
        _ => Color.Info,
    };
}
