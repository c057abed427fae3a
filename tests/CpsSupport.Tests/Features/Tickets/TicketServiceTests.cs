using CpsSupport.Features.Paging;
using CpsSupport.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using static CpsSupport.Tests.Features.Tickets.TicketWorld;

namespace CpsSupport.Tests.Features.Tickets;

public sealed class TicketServiceTests
{
    [Fact]
    public async Task Create_numbers_tickets_by_year_in_sequence()
    {
        await using var w = await TicketWorld.CreateAsync(ParisTime(2026, 11, 23, 10));

        var first = await w.CreateAsync("Carte perdue");
        var second = await w.CreateAsync("Lecteur non reconnu");

        Assert.Matches(@"^CPS-2026-\d{6}$", first.Number);
        Assert.True(TicketNumber.IsValid(second.Number));
        Assert.Equal(long.Parse(first.Number[^6..]) + 1, long.Parse(second.Number[^6..]));
    }

    [Fact]
    public async Task Create_sets_due_dates_in_business_time_skipping_ascension_day()
    {
        // Wednesday 13 May 2026, 16:00: 2 h left that day, Thursday 14 (Ascension) is a holiday, 7.5 h on Friday 15.
        await using var w = await TicketWorld.CreateAsync(ParisTime(2026, 5, 13, 16));

        var created = await w.CreateAsync("Carte perdue", TicketCategory.Loss);

        var ticket = await w.LoadAsync(created.Id);
        Assert.Equal(ParisTime(2026, 5, 13, 17), ticket.FirstResponseDueAt);
        Assert.Equal(ParisTime(2026, 5, 15, 16), ticket.ResolutionDueAt);
        Assert.Equal(TicketState.New, ticket.State);
    }

    [Fact]
    public async Task Waiting_for_requester_pauses_the_clock_and_resuming_keeps_the_time_left()
    {
        await using var w = await TicketWorld.CreateAsync(ParisTime(2026, 5, 13, 16));
        var created = await w.CreateAsync("Carte perdue", TicketCategory.Loss);

        // Friday 15 May 10:00: 6 business hours left until 16:00.
        w.Clock.Now = ParisTime(2026, 5, 15, 10);
        await w.Tickets.ChangeStateAsync(w.Desk, created.Id, TicketState.WaitingForRequester);
        var paused = await w.LoadAsync(created.Id);
        Assert.Null(paused.ResolutionDueAt);
        Assert.Equal(TimeSpan.FromHours(6), paused.ResolutionRemaining);

        // The requester answers on Friday 22 May at 17:00 (a week later): 1 h that day, 5 h on Tuesday 26
        // because Monday 25 May 2026 is Whit Monday.
        w.Clock.Now = ParisTime(2026, 5, 22, 17);
        await w.Tickets.ChangeStateAsync(w.Desk, created.Id, TicketState.InProgress);

        var resumed = await w.LoadAsync(created.Id);
        Assert.Equal(ParisTime(2026, 5, 26, 13, 30), resumed.ResolutionDueAt);
        Assert.Null(resumed.ResolutionRemaining);
        var page = await w.Queries.QueueAsync(w.Desk, new TicketQuery(View: TicketView.Overdue), new PageRequest());
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Closed_ticket_cannot_be_reopened_and_the_refusal_is_in_french()
    {
        await using var w = await TicketWorld.CreateAsync(ParisTime(2026, 11, 23, 10));
        var created = await w.CreateAsync("Doublon");
        await w.Tickets.ChangeStateAsync(w.Desk, created.Id, TicketState.Closed);

        var error = await Assert.ThrowsAsync<TicketException>(() => w.Tickets.ChangeStateAsync(w.Desk, created.Id, TicketState.InProgress));

        Assert.Contains("clos", error.Message);
        Assert.Equal(TicketState.Closed, (await w.LoadAsync(created.Id)).State);
    }

    [Fact]
    public async Task Second_save_over_a_changed_ticket_is_refused_and_the_first_edit_survives()
    {
        await using var w = await TicketWorld.CreateAsync(ParisTime(2026, 11, 23, 10));
        var created = await w.CreateAsync("Carte bloquée");
        var seenByBoth = (await w.Queries.GetAsync(w.Desk, created.Id))!;

        await w.Tickets.UpdateAsync(w.Desk, created.Id, Edit(seenByBoth, "Carte bloquée après 3 codes faux"));
        var conflict = await Assert.ThrowsAsync<TicketConflictException>(
            () => w.Tickets.UpdateAsync(w.Desk, created.Id, Edit(seenByBoth, "Carte bloquée (autre agent)")));

        Assert.Contains(created.Number, conflict.Message);
        Assert.Equal("Carte bloquée après 3 codes faux", (await w.LoadAsync(created.Id)).Subject);
    }

    [Fact]
    public async Task Concurrent_contexts_editing_one_ticket_second_gets_the_conflict()
    {
        await using var w = await TicketWorld.CreateAsync(ParisTime(2026, 11, 23, 10));
        var created = await w.CreateAsync("Codes non reçus");
        await using var first = w.Database.CreateContext(w.Clock);
        await using var second = w.Database.CreateContext(w.Clock);
        var a = await first.Tickets.SingleAsync(t => t.Id == created.Id);
        var b = await second.Tickets.SingleAsync(t => t.Id == created.Id);

        a.Subject = "Codes non reçus (courrier retourné)";
        await first.SaveChangesAsync();
        b.Subject = "Écrasement";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal("Codes non reçus (courrier retourné)", (await w.LoadAsync(created.Id)).Subject);
    }

    [Fact]
    public async Task Public_reply_is_the_first_response_and_takes_a_new_ticket()
    {
        await using var w = await TicketWorld.CreateAsync(ParisTime(2026, 11, 23, 10));
        var created = await w.CreateAsync("Question e-CPS", note: null);
        w.Clock.Advance(TimeSpan.FromMinutes(20));

        await w.Tickets.AddMessageAsync(w.Desk, created.Id, new NewTicketMessage(TicketMessageKind.PublicReply, "Bonjour, voici la marche à suivre."));

        var ticket = await w.LoadAsync(created.Id);
        Assert.Equal(w.Clock.Now, ticket.FirstRespondedAt);
        Assert.Equal(TicketState.InProgress, ticket.State);
    }

    [Fact]
    public async Task Merge_moves_messages_and_cards_closes_the_source_and_points_it_to_the_survivor()
    {
        await using var w = await TicketWorld.CreateAsync(ParisTime(2026, 11, 23, 10));
        var byPhone = await w.CreateAsync("Perte carte (appel)", TicketCategory.Loss, w.StructureA, note: "Appel de Mme Durand");
        var byMail = await w.CreateAsync("Carte perdue (courriel)", TicketCategory.Loss, w.StructureA, note: "Courriel de Mme Durand", noteKind: TicketMessageKind.IncomingMail);
        await w.Tickets.LinkCardAsync(w.Desk, byMail.Id, w.CardA);

        await w.Tickets.MergeAsync(w.Desk, byMail.Id, byPhone.Id);

        var survivor = (await w.Queries.GetAsync(w.Desk, byPhone.Id))!;
        Assert.Contains(survivor.Timeline, e => e.Text == "Courriel de Mme Durand");
        Assert.Contains(survivor.Cards, c => c.Id == w.CardA);
        Assert.Contains(survivor.LinkedTickets, t => t.Id == byMail.Id);
        var source = await w.LoadAsync(byMail.Id);
        Assert.Equal(TicketState.Closed, source.State);
        Assert.Equal(byPhone.Id, source.MergedIntoId);
        await using var db = w.Database.CreateContext();
        Assert.Equal(byPhone.Id, await TicketService.SurvivorAsync(db, byMail.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Bulk_close_is_all_or_nothing()
    {
        await using var w = await TicketWorld.CreateAsync(ParisTime(2026, 11, 23, 10));
        var open = await w.CreateAsync("Ouvert");
        var alsoOpen = await w.CreateAsync("Ouvert aussi");

        var closed = await w.Tickets.BulkCloseAsync(w.Desk, [open.Id, alsoOpen.Id]);

        Assert.Equal(2, closed);
        Assert.Equal(TicketState.Closed, (await w.LoadAsync(open.Id)).State);
        Assert.Equal(TicketState.Closed, (await w.LoadAsync(alsoOpen.Id)).State);
    }

    [Fact]
    public async Task Bulk_assign_takes_new_tickets_and_fills_mine_view()
    {
        await using var w = await TicketWorld.CreateAsync(ParisTime(2026, 11, 23, 10));
        var one = await w.CreateAsync("Un");
        var two = await w.CreateAsync("Deux");

        await w.Tickets.BulkAssignAsync(w.Desk, [one.Id, two.Id], w.AgentUserId);

        var mine = await w.Queries.QueueAsync(w.Desk, new TicketQuery(View: TicketView.Mine), new PageRequest());
        Assert.Equal(2, mine.TotalCount);
        Assert.All(mine.Items, t => Assert.Equal(TicketState.InProgress, t.State));
        var unassigned = await w.Queries.QueueAsync(w.Desk, new TicketQuery(View: TicketView.Unassigned), new PageRequest());
        Assert.Empty(unassigned.Items);
    }

    [Fact]
    public async Task Overdue_tickets_are_escalated_once()
    {
        await using var w = await TicketWorld.CreateAsync(ParisTime(2026, 11, 23, 10));
        var created = await w.CreateAsync("Vol de carte", TicketCategory.Theft);
        var escalation = new TicketEscalationService(w.Factory, w.Clock);
        Assert.Equal(0, await escalation.EscalateOverdueAsync());

        w.Clock.Now = ParisTime(2026, 11, 25, 10);
        var first = await escalation.EscalateOverdueAsync();
        var second = await escalation.EscalateOverdueAsync();

        Assert.Equal((1, 0), (first, second));
        var ticket = await w.LoadAsync(created.Id);
        Assert.Equal(TicketPriority.High, ticket.Priority);
        Assert.NotNull(ticket.EscalatedAt);
        var overdue = await w.Queries.QueueAsync(w.Desk, new TicketQuery(View: TicketView.Overdue), new PageRequest());
        Assert.Equal(SlaStatus.Overdue, Assert.Single(overdue.Items).Sla);
    }

    [Fact]
    public async Task Portal_user_sees_only_own_structure_tickets_and_no_internal_note()
    {
        await using var w = await TicketWorld.CreateAsync(ParisTime(2026, 11, 23, 10));
        var ofA = await w.CreateAsync("Commande CPE", TicketCategory.CardOrder, w.StructureA, note: "Note interne : appeler le directeur", noteKind: TicketMessageKind.InternalNote);
        var ofB = await w.CreateAsync("Commande CPE", TicketCategory.CardOrder, w.StructureB);

        var page = await w.Queries.QueueAsync(w.PortalOfA, new TicketQuery(View: TicketView.All), new PageRequest());

        Assert.Equal(ofA.Id, Assert.Single(page.Items).Id);
        Assert.Null(await w.Queries.GetAsync(w.PortalOfA, ofB.Id));
        var detail = (await w.Queries.GetAsync(w.PortalOfA, ofA.Id))!;
        Assert.DoesNotContain(detail.Timeline, e => e.Text.Contains("Note interne"));
        await Assert.ThrowsAsync<TicketNotFoundException>(() => w.Tickets.AddMessageAsync(w.PortalOfA, ofB.Id, new NewTicketMessage(TicketMessageKind.PublicReply, "?")));
    }

    [Fact]
    public async Task Presence_lists_the_other_agents_who_opened_the_ticket_in_the_last_minute()
    {
        await using var w = await TicketWorld.CreateAsync(ParisTime(2026, 11, 23, 10));
        var created = await w.CreateAsync("Carte bloquée");
        var other = Guid.NewGuid();

        await w.Tickets.TouchViewerAsync(created.Id, other, "Nicolas Bernard");
        var seen = await w.Tickets.TouchViewerAsync(created.Id, w.AgentUserId, "Camille Martin");
        w.Clock.Advance(TimeSpan.FromMinutes(2));
        var later = await w.Tickets.TouchViewerAsync(created.Id, w.AgentUserId, "Camille Martin");

        Assert.Equal(["Nicolas Bernard"], seen);
        Assert.Empty(later);
    }

    [Fact]
    public async Task Time_spent_paused_does_not_make_a_ticket_look_at_risk()
    {
        // Blocked PIN: 19 business hours. Created Monday 9 Nov 2026 09:00, paused from 10:00 for two weeks.
        await using var w = await TicketWorld.CreateAsync(ParisTime(2026, 11, 9, 9));
        var created = await w.CreateAsync("Code bloqué", TicketCategory.BlockedPin);
        w.Clock.Now = ParisTime(2026, 11, 9, 10);
        await w.Tickets.ChangeStateAsync(w.Desk, created.Id, TicketState.WaitingForRequester);
        w.Clock.Now = ParisTime(2026, 11, 23, 10);
        await w.Tickets.ChangeStateAsync(w.Desk, created.Id, TicketState.InProgress);

        var row = Assert.Single((await w.Queries.QueueAsync(w.Desk, new TicketQuery(), new PageRequest())).Items);
        Assert.Equal(SlaStatus.OnTrack, row.Sla);

        // 17 of the 19 hours used (more than 75 %): at risk.
        w.Clock.Now = ParisTime(2026, 11, 24, 16, 30);
        row = Assert.Single((await w.Queries.QueueAsync(w.Desk, new TicketQuery(), new PageRequest())).Items);
        Assert.Equal(SlaStatus.AtRisk, row.Sla);
    }

    [Fact]
    public async Task Supervisor_targets_apply_to_new_tickets_and_agents_cannot_change_them()
    {
        await using var w = await TicketWorld.CreateAsync(ParisTime(2026, 11, 23, 9));
        var targets = new SlaTargetService(w.Factory, w.Clock, new CpsSupport.Data.SystemActor("Nicolas Bernard"));
        var supervisor = w.Desk with { IsSupervisor = true };

        await Assert.ThrowsAsync<TicketException>(() => targets.SaveAsync(w.Desk, TicketCategory.Theft, 1, 2));
        var invalid = await Assert.ThrowsAsync<TicketException>(() => targets.SaveAsync(supervisor, TicketCategory.Theft, 3, 2));
        Assert.Contains("première réponse", invalid.Message);
        await targets.SaveAsync(supervisor, TicketCategory.Theft, 0.5, 2);
        var created = await w.CreateAsync("Vol", TicketCategory.Theft);

        var ticket = await w.LoadAsync(created.Id);
        Assert.Equal(ParisTime(2026, 11, 23, 9, 30), ticket.FirstResponseDueAt);
        Assert.Equal(ParisTime(2026, 11, 23, 11), ticket.ResolutionDueAt);
        var row = (await targets.ListAsync()).Single(r => r.Category == TicketCategory.Theft);
        Assert.Equal((false, "Nicolas Bernard"), (row.IsDefault, row.UpdatedBy));
    }

    [Fact]
    public async Task Assignees_are_the_desk_staff_only()
    {
        await using var w = await TicketWorld.CreateAsync(ParisTime(2026, 11, 23, 9));
        await using (var db = w.Database.CreateContext(w.Clock))
        {
            var agentRole = new Microsoft.AspNetCore.Identity.IdentityRole<Guid>(CpsSupport.Features.Accounts.Roles.Agent) { Id = Guid.NewGuid() };
            var managerRole = new Microsoft.AspNetCore.Identity.IdentityRole<Guid>(CpsSupport.Features.Accounts.Roles.StructureManager) { Id = Guid.NewGuid() };
            var manager = new CpsSupport.Features.Accounts.AppUser { UserName = "dir@test", Email = "dir@test", DisplayName = "Directrice" };
            db.Roles.AddRange(agentRole, managerRole);
            db.Users.Add(manager);
            db.UserRoles.AddRange(
                new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = w.AgentUserId, RoleId = agentRole.Id },
                new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = manager.Id, RoleId = managerRole.Id });
            await db.SaveChangesAsync();
        }

        var assignees = await w.Queries.AssigneesAsync();

        Assert.Equal(["Camille Martin"], assignees.Select(a => a.DisplayName));
    }

    [Fact]
    public async Task Reply_to_a_merged_ticket_lands_on_the_surviving_one()
    {
        await using var w = await TicketWorld.CreateAsync(ParisTime(2026, 11, 23, 10));
        var survivor = await w.CreateAsync("Perte (appel)", TicketCategory.Loss);
        var merged = await w.CreateAsync("Perte (courriel)", TicketCategory.Loss);
        await w.Tickets.MergeAsync(w.Desk, merged.Id, survivor.Id);

        await w.Tickets.AddMessageAsync(w.Desk, merged.Id, new NewTicketMessage(TicketMessageKind.IncomingMail, "Je complète ma déclaration."));

        var detail = (await w.Queries.GetAsync(w.Desk, survivor.Id))!;
        Assert.Contains(detail.Timeline, e => e.Text == "Je complète ma déclaration.");
    }

    [Fact]
    public async Task Due_date_skips_the_easter_monday_weekend()
    {
        // Thursday 2 April 2026 17:00: 1 h that day, Friday 3 April 9.5 h, then Saturday, Sunday and Easter Monday 6 April
        // are skipped: a 19-hour target ends on Tuesday 7 April at 17:00.
        await using var w = await TicketWorld.CreateAsync(ParisTime(2026, 4, 2, 17));

        var created = await w.CreateAsync("Lecteur non détecté", TicketCategory.ReaderSetup);

        var ticket = await w.LoadAsync(created.Id);
        var target = SlaPolicy.Default.For(TicketCategory.ReaderSetup).Resolution;
        Assert.Equal(TimeSpan.FromHours(19), target);
        Assert.Equal(ParisTime(2026, 4, 7, 17), ticket.ResolutionDueAt);
    }

    private static TicketUpdate Edit(TicketDetail t, string subject) =>
        new(t.Version, subject, t.Category, t.Priority, t.RequesterCapacity, t.RequesterName, t.RequesterEmail, t.RequesterPhone,
            t.PersonId, t.StructureId, t.QueueId, t.Tags);
}
