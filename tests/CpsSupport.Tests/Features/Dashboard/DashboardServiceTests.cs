using CpsSupport.Features.Dashboard;
using CpsSupport.Features.Paging;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.Features.Tickets;
using static CpsSupport.Tests.Features.Tickets.TicketWorld;

namespace CpsSupport.Tests.Features.Dashboard;

public sealed class DashboardServiceTests
{
    [Fact]
    public async Task Desk_ticket_counts_match_the_queue_views_the_dashboard_links_to()
    {
        await using var w = await TicketWorld.CreateAsync(ParisTime(2026, 5, 12, 10));
        var mine = await w.CreateAsync("Carte perdue", TicketCategory.Loss);
        await w.Tickets.AssignAsync(w.Desk, mine.Id, w.AgentUserId);
        await w.CreateAsync("Lecteur non reconnu", TicketCategory.ReaderSetup);
        var closed = await w.CreateAsync("Doublon", TicketCategory.Other);
        await w.Tickets.AssignAsync(w.Desk, closed.Id, w.AgentUserId);
        await w.Tickets.ChangeStateAsync(w.Desk, closed.Id, TicketState.Closed);
        var dashboard = new DashboardService(w.Factory, w.Clock);

        Assert.Equal(new DeskTicketCounts(Mine: 1, Unassigned: 1, Overdue: 0), (await dashboard.GetAsync(w.Desk)).DeskTickets);

        // Three weeks later both open tickets are past their resolution date; the closed one never counts.
        w.Clock.Now = ParisTime(2026, 6, 2, 10);
        var counts = (await dashboard.GetAsync(w.Desk)).DeskTickets;
        Assert.Equal(new DeskTicketCounts(Mine: 1, Unassigned: 1, Overdue: 2), counts);
        Assert.Equal(counts.Mine, await ViewCountAsync(w, TicketView.Mine));
        Assert.Equal(counts.Unassigned, await ViewCountAsync(w, TicketView.Unassigned));
        Assert.Equal(counts.Overdue, await ViewCountAsync(w, TicketView.Overdue));

        // Portal users have no desk views.
        Assert.Equal(new DeskTicketCounts(0, 0, 0), (await dashboard.GetAsync(w.PortalOfA)).DeskTickets);
    }

    private static async Task<int> ViewCountAsync(TicketWorld w, TicketView view) =>
        (await w.Queries.QueueAsync(w.Desk, new TicketQuery(view), new PageRequest())).TotalCount;
}
