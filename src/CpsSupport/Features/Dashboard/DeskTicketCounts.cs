namespace CpsSupport.Features.Dashboard;

/// <summary>The caller's tickets, the unassigned ones and the overdue ones: the queue views a desk member starts the day with (zeros for portal users).</summary>
public sealed record DeskTicketCounts(int Mine, int Unassigned, int Overdue);
