using CpsSupport.Features.Cards;
using CpsSupport.Features.Requests;

namespace CpsSupport.Features.Dashboard;

/// <summary>The counts of the home page, every one computed within the caller's scope; each status map lists every status, zeros included.</summary>
public sealed record DashboardSummary(
    IReadOnlyDictionary<CardStatus, int> CardsByStatus,
    int CardsExpiringSoon,
    int StructureCount,
    int OpenTicketCount,
    DeskTicketCounts DeskTickets,
    IReadOnlyDictionary<RequestStatus, int> RequestsByStatus)
{
    public int CardCount => CardsByStatus.Values.Sum();
    public int RequestCount => RequestsByStatus.Values.Sum();
}
