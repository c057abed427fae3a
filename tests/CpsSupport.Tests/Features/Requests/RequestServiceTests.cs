using CpsSupport.Features.Incidents;
using CpsSupport.Features.Paging;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.Features.Incidents;
using CpsSupport.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Tests.Features.Requests;

/// <summary>The workflow every form shares, against a real PostgreSQL: numbers, idempotence, concurrent clicks, missing-pieces loop.</summary>
public sealed class RequestServiceTests
{
    [Fact]
    public async Task Request_numbers_come_from_a_sequence_as_DEM_year_and_six_digits()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 10, 9));

        var first = await w.DeclareAsync(IncidentKind.ForgottenPin, RequestChannel.Phone, RequesterCapacity.Holder);
        var second = await w.DeclareAsync(IncidentKind.Loss, RequestChannel.Tom, cardId: w.NurseCard);

        Assert.True(RequestNumber.IsValid(first.Number));
        Assert.StartsWith("DEM-2026-", first.Number);
        Assert.Equal(long.Parse(first.Number[^6..]) + 1, long.Parse(second.Number[^6..]));
    }

    [Fact]
    public async Task Repeated_click_on_reject_does_nothing_the_second_time()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 10, 9));
        var waiting = await w.DeclareAsync(IncidentKind.Loss, RequestChannel.Mail, RequesterCapacity.Holder);

        Assert.True(await w.Requests.RejectAsync(w.Desk, waiting.RequestId, "Déclaration en double"));
        Assert.False(await w.Requests.RejectAsync(w.Desk, waiting.RequestId, "Déclaration en double"));

        var detail = (await w.Requests.GetAsync(w.Desk, waiting.RequestId))!;
        Assert.Equal((RequestStatus.Rejected, "Déclaration en double"), (detail.Status, detail.RejectionReason));
        Assert.Single(detail.Timeline, e => e.ToStatus == RequestStatus.Rejected);
        Assert.Empty(detail.NextStatuses);
    }

    [Fact]
    public async Task Concurrent_clicks_on_reject_give_one_rejection_and_one_timeline_entry()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 10, 9));
        var waiting = await w.DeclareAsync(IncidentKind.Loss, RequestChannel.Mail, RequesterCapacity.Holder);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => w.Requests.RejectAsync(w.Desk, waiting.RequestId, $"Doublon ({i})"))));

        Assert.Single(results, r => r);
        Assert.Equal(1, await w.ReadAsync(db => db.RequestEvents.CountAsync(e => e.RequestId == waiting.RequestId && e.ToStatus == RequestStatus.Rejected)));
    }

    [Fact]
    public async Task Change_over_a_stale_version_is_refused_and_nothing_is_saved()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 10, 9));
        var waiting = await w.DeclareAsync(IncidentKind.Loss, RequestChannel.Mail, RequesterCapacity.Holder);
        var seen = (await w.Requests.GetAsync(w.Desk, waiting.RequestId))!;
        await w.Requests.LinkTicketAsync(w.Desk, waiting.RequestId, (await w.MailWithIdScanAsync()).TicketId);

        var conflict = await Assert.ThrowsAsync<RequestConflictException>(() => w.Requests.RejectAsync(w.Desk, waiting.RequestId, "Hors délai", seen.Version));

        Assert.Contains(waiting.Number, conflict.Message);
        Assert.Equal(RequestStatus.MissingPieces, (await w.Requests.GetAsync(w.Desk, waiting.RequestId))!.Status);
    }

    [Fact]
    public async Task Incident_forms_are_validated_by_their_form_service_not_by_a_bare_status_change()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 10, 9));
        var waiting = await w.DeclareAsync(IncidentKind.Loss, RequestChannel.Mail, RequesterCapacity.Holder);
        await w.Requests.ChangeStatusAsync(w.Desk, waiting.RequestId, RequestStatus.Submitted);

        var error = await Assert.ThrowsAsync<RequestException>(() => w.Requests.ChangeStatusAsync(w.Desk, waiting.RequestId, RequestStatus.Validated));

        Assert.Contains("formulaire", error.Message);
        Assert.Equal(CpsSupport.Features.Cards.CardStatus.Active, (await w.CardAsync(w.EmployeeCard)).Status);
    }

    [Fact]
    public async Task Portal_users_cannot_move_requests_and_see_only_their_structures_requests()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 10, 9));
        var ours = await w.DeclareAsync(IncidentKind.Loss, RequestChannel.Mail, RequesterCapacity.Holder);
        var theirs = await w.DeclareAsync(IncidentKind.Loss, RequestChannel.Mail, RequesterCapacity.Holder, cardId: w.ClinicCard);
        var scope = await w.HeadScopeAsync();

        await Assert.ThrowsAsync<RequestException>(() => w.Requests.RejectAsync(scope, ours.RequestId, "Je me suis trompée"));
        var page = await w.Requests.SearchAsync(scope, new RequestQuery(), new PageRequest());
        Assert.Equal([ours.RequestId], page.Items.Select(r => r.Id));
        Assert.Null(await w.Requests.GetAsync(scope, theirs.RequestId));
        Assert.Null(await w.Incidents.GetOutcomeAsync(scope, theirs.RequestId));
        await Assert.ThrowsAsync<RequestNotFoundException>(() => w.Incidents.ProvidePiecesAsync(scope, theirs.RequestId, new IncidentPieces(Guid.NewGuid())));
        Assert.Equal(2, (await w.Requests.SearchAsync(w.Desk, new RequestQuery(Form: FormCode.F501), new PageRequest())).TotalCount);
    }

    [Fact]
    public async Task Missing_pieces_are_reminded_every_two_business_days_and_the_request_closed_after_five()
    {
        // Pieces asked on Thursday 30 April 2026. Friday 1 May and Friday 8 May are holidays; weekends do not count.
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 4, 30, 10), new MissingPiecesOptions { ReminderEveryBusinessDays = 2, CloseAfterBusinessDays = 5 });
        var (ticket, _) = await w.MailWithIdScanAsync();
        var waiting = await w.DeclareAsync(IncidentKind.Loss, RequestChannel.Mail, RequesterCapacity.Holder, ticketId: ticket);

        var runs = new List<(DateOnly Day, MissingPiecesRun Run)>();
        for (var day = new DateOnly(2026, 5, 1); day <= new DateOnly(2026, 5, 12); day = day.AddDays(1))
        {
            w.Clock.Now = Paris.At(day.Year, day.Month, day.Day, 9);
            runs.Add((day, await w.Requests.RemindAndCloseMissingPiecesAsync()));
            // A second instance running the same morning does nothing more.
            Assert.Equal(new MissingPiecesRun(0, 0), await w.Requests.RemindAndCloseMissingPiecesAsync());
        }

        Assert.Equal([new DateOnly(2026, 5, 5), new DateOnly(2026, 5, 7)], runs.Where(r => r.Run.Reminded > 0).Select(r => r.Day));
        Assert.Equal([new DateOnly(2026, 5, 11)], runs.Where(r => r.Run.Closed > 0).Select(r => r.Day));
        var detail = (await w.Requests.GetAsync(w.Desk, waiting.RequestId))!;
        Assert.Equal((RequestStatus.Rejected, 2), (detail.Status, detail.ReminderCount));
        Assert.Contains("5 jours ouvrés", detail.RejectionReason);
        Assert.Contains("close le 11/05/2026", detail.Timeline.First(e => e.Kind == RequestEventKind.ReminderSent).Text);
        var replies = await w.ReadAsync(db => db.TicketMessages.Where(m => m.TicketId == ticket && m.Kind == TicketMessageKind.PublicReply).ToListAsync());
        Assert.Equal(2, replies.Count);
        Assert.Equal(CpsSupport.Features.Cards.CardStatus.Active, (await w.CardAsync(w.EmployeeCard)).Status);
    }

    [Fact]
    public async Task Order_pieces_received_put_the_request_back_to_submitted_with_the_complete_file_date()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 10, 9));
        var id = Guid.CreateVersion7();
        await w.ReadAsync(db =>
        {
            db.Requests.Add(new SupportRequest { Id = id, Number = "DEM-2026-900001", Form = FormCode.F301, Status = RequestStatus.Submitted, StructureId = w.Hospital });
            return db.SaveChangesAsync();
        });

        Assert.True(await w.Requests.RequestPiecesAsync(w.Desk, id, ["Justificatif d'emploi"]));
        w.Clock.Now = Paris.At(2026, 6, 12, 15);
        Assert.True(await w.Requests.ReceivePiecesAsync(w.Desk, id));
        Assert.False(await w.Requests.ReceivePiecesAsync(w.Desk, id));
        Assert.True(await w.Requests.ChangeStatusAsync(w.Desk, id, RequestStatus.Validated));
        Assert.True(await w.Requests.ChangeStatusAsync(w.Desk, id, RequestStatus.InProgress));

        var detail = (await w.Requests.GetAsync(w.Desk, id))!;
        Assert.Equal((RequestStatus.InProgress, (DateOnly?)new DateOnly(2026, 6, 12)), (detail.Status, detail.CompleteFileReceivedOn));
        Assert.Equal([RequestStatus.Completed, RequestStatus.Rejected], detail.NextStatuses);
        Assert.Single(detail.Timeline, e => e.Kind == RequestEventKind.PiecesReceived);
    }
}
