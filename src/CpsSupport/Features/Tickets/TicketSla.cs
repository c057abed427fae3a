using CpsSupport.Data;
using CpsSupport.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Tickets;

/// <summary>
/// The SLA clock of a ticket in business time (desk hours of French business days): due dates from the category's
/// targets (supervisors' <see cref="SlaTarget"/> rows, else <see cref="SlaPolicy"/> defaults), paused while the ticket
/// waits on the requester and resumed with the business time that was left.
/// </summary>
public sealed class TicketSla(BusinessCalendar calendar)
{
    /// <summary>Share of the target consumed from which a ticket shows as "à risque".</summary>
    public const double AtRiskShare = 0.75;

    public BusinessCalendar Calendar => calendar;

    public async Task<(TimeSpan FirstResponse, TimeSpan Resolution)> TargetsAsync(CpsDbContext db, TicketCategory category, CancellationToken ct) =>
        Targets(category, await db.SlaTargets.AsNoTracking().SingleOrDefaultAsync(t => t.Category == category, ct));

    /// <summary>The targets of every category (configured rows, else defaults) in one query, for callers opening many tickets.</summary>
    public async Task<IReadOnlyDictionary<TicketCategory, (TimeSpan FirstResponse, TimeSpan Resolution)>> AllTargetsAsync(CpsDbContext db, CancellationToken ct)
    {
        var configured = await db.SlaTargets.AsNoTracking().ToDictionaryAsync(t => t.Category, ct);
        return Enum.GetValues<TicketCategory>().ToDictionary(c => c, c => Targets(c, configured.GetValueOrDefault(c)));
    }

    /// <summary>A supervisor's row when there is one, else the default policy.</summary>
    private static (TimeSpan FirstResponse, TimeSpan Resolution) Targets(TicketCategory category, SlaTarget? row)
    {
        if (row is not null) return (TimeSpan.FromHours(row.FirstResponseHours), TimeSpan.FromHours(row.ResolutionHours));
        var target = SlaPolicy.Default.For(category);
        return (target.FirstResponse, target.Resolution);
    }

    /// <summary>Starts the clock with targets already read (<see cref="AllTargetsAsync"/>).</summary>
    internal void Start(Ticket ticket, DateTimeOffset now, (TimeSpan FirstResponse, TimeSpan Resolution) targets)
    {
        ticket.FirstResponseDueAt = calendar.AddBusinessTime(now, targets.FirstResponse).ToUniversalTime();
        ticket.ResolutionDueAt = calendar.AddBusinessTime(now, targets.Resolution).ToUniversalTime();
        ticket.ResolutionRemaining = null;
    }

    internal async Task StartAsync(CpsDbContext db, Ticket ticket, DateTimeOffset now, CancellationToken ct) =>
        Start(ticket, now, await TargetsAsync(db, ticket.Category, ct));

    /// <summary>A new category: due dates recomputed from the creation time with the new targets, pause kept.</summary>
    internal async Task RetargetAsync(CpsDbContext db, Ticket ticket, DateTimeOffset now, CancellationToken ct)
    {
        var (firstResponse, resolution) = await TargetsAsync(db, ticket.Category, ct);
        if (ticket.FirstRespondedAt is null) ticket.FirstResponseDueAt = calendar.AddBusinessTime(ticket.CreatedAt, firstResponse).ToUniversalTime();
        if (ticket.State is TicketState.Resolved or TicketState.Closed) return;
        var due = calendar.AddBusinessTime(ticket.CreatedAt, resolution).ToUniversalTime();
        if (ticket.State == TicketState.WaitingForRequester)
            ticket.ResolutionRemaining = due > now ? calendar.BusinessTimeBetween(now, due) : TimeSpan.Zero;
        else
            ticket.ResolutionDueAt = due;
        ticket.EscalatedAt = null;
    }

    internal void OnStateChanged(Ticket ticket, TicketState from, TicketState to, DateTimeOffset now)
    {
        if (to == TicketState.WaitingForRequester && ticket.ResolutionDueAt is { } due)
        {
            // Paused: keep the business time left (none when already late) and hide the due date from the queue.
            ticket.ResolutionRemaining = due > now ? calendar.BusinessTimeBetween(now, due) : TimeSpan.Zero;
            ticket.ResolutionDueAt = null;
        }
        else if (from == TicketState.WaitingForRequester && to is not (TicketState.Resolved or TicketState.Closed) && ticket.ResolutionRemaining is { } left)
        {
            ticket.ResolutionDueAt = calendar.AddBusinessTime(now, left).ToUniversalTime();
            ticket.ResolutionRemaining = null;
            ticket.EscalatedAt = null;
        }

        if (to is TicketState.Resolved or TicketState.Closed)
        {
            if (to == TicketState.Resolved || ticket.ResolvedAt is null) ticket.ResolvedAt ??= now;
            if (to == TicketState.Closed) ticket.ClosedAt = now;
            if (ticket.ResolutionDueAt is { } d) ticket.ResolutionRemaining = d > now ? calendar.BusinessTimeBetween(now, d) : TimeSpan.Zero;
            ticket.ResolutionDueAt = null;
        }
        else if (from is TicketState.Resolved && to == TicketState.InProgress)
        {
            // Reopened: the clock runs again with what was left when it was resolved.
            ticket.ResolvedAt = null;
            ticket.ResolutionDueAt = calendar.AddBusinessTime(now, ticket.ResolutionRemaining ?? TimeSpan.Zero).ToUniversalTime();
            ticket.ResolutionRemaining = null;
        }
    }

    /// <summary>
    /// The colour of a due date: paused, met, overdue, at risk (75 % of the resolution target used) or on track. The share
    /// is taken of the target itself, so time spent paused never makes a ticket look at risk.
    /// </summary>
    public SlaStatus StatusOf(TicketState state, DateTimeOffset? resolutionDueAt, TimeSpan resolutionTarget, DateTimeOffset now)
    {
        if (state == TicketState.WaitingForRequester) return SlaStatus.Paused;
        if (state is TicketState.Resolved or TicketState.Closed) return SlaStatus.Met;
        if (resolutionDueAt is not { } due) return SlaStatus.None;
        if (now >= due) return SlaStatus.Overdue;
        var left = calendar.BusinessTimeBetween(now, due);
        return resolutionTarget > TimeSpan.Zero && left.TotalMinutes <= resolutionTarget.TotalMinutes * (1 - AtRiskShare) ? SlaStatus.AtRisk : SlaStatus.OnTrack;
    }

    /// <summary>The resolution target of every category (supervisors' settings over the defaults), for a whole list at once.</summary>
    public async Task<IReadOnlyDictionary<TicketCategory, TimeSpan>> ResolutionTargetsAsync(CpsDbContext db, CancellationToken ct)
    {
        var configured = await db.SlaTargets.AsNoTracking().ToDictionaryAsync(t => t.Category, t => TimeSpan.FromHours(t.ResolutionHours), ct);
        return Enum.GetValues<TicketCategory>().ToDictionary(c => c, c => configured.TryGetValue(c, out var hours) ? hours : SlaPolicy.Default.For(c).Resolution);
    }
}
