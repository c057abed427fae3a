using System.Text;
using CpsSupport.Features.Access;
using CpsSupport.Features.Accounts;
using CpsSupport.Features.Calendar;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Orders;
using CpsSupport.Features.Paging;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Requests.Rules;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.Features.Incidents;
using CpsSupport.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Tests.Features.Orders;

/// <summary>Card orders against a real PostgreSQL: filing, validation, simulated production into the registry, scope, CSV import.</summary>
public sealed class OrderServiceTests
{
    private static OrderService Orders(IncidentWorld w) => new(w.Factory, w.Clock, IncidentWorld.Actor, BusinessCalendar.Default);

    private static NewOrder ThreeCpe(IncidentWorld w) => new(w.Hospital, FormCode.F301, RequestChannel.Portal, RequesterCapacity.Mandatary,
    [
        new("Bernard", "Lucas", null, "Agent d'accueil"),
        new("Petit", "Emma", null, "Secrétaire médicale"),
        new("Roux", "Hugo", null, "Agent administratif"),
    ]);

    private static Task<AccessScope> MandataryScope(IncidentWorld w) => w.ScopeAsync(w.MandataryUser, Roles.Mandatary);

    [Fact]
    public async Task Mandatary_orders_three_CPE_in_one_request_filed_in_their_own_name()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        var service = Orders(w);

        var outcome = await service.FileAsync(await MandataryScope(w), ThreeCpe(w) with { DeclarantPersonId = w.Head });

        Assert.Equal(RequestStatus.Submitted, outcome.Status);
        Assert.Equal(3, outcome.LineCount);
        var order = (await service.GetAsync(await MandataryScope(w), outcome.RequestId))!;
        Assert.Equal(FormCode.F301, order.Form);
        Assert.All(order.Lines, l => Assert.Equal(CardType.Cpe, l.CardType));
        Assert.All(order.Lines, l => Assert.Equal(OrderLineStatus.Submitted, l.Status));
        Assert.Equal(["Lucas BERNARD", "Emma PETIT", "Hugo ROUX"], order.Lines.Select(l => l.HolderName));
        var request = await w.ReadAsync(db => db.Requests.SingleAsync(r => r.Id == outcome.RequestId));
        Assert.Equal(w.Mandatary, request.DeclarantPersonId);
        Assert.Equal(RequestChannel.Portal, request.Channel);
        Assert.Equal(new DateOnly(2026, 6, 15), request.CompleteFileReceivedOn);
        // No card exists before the card is made.
        Assert.Equal(0, await w.ReadAsync(db => db.Cards.CountAsync(c => c.OrderedByRequestId == outcome.RequestId)));
    }

    [Fact]
    public async Task Same_order_filed_twice_returns_the_first()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        var service = Orders(w);
        var scope = await MandataryScope(w);

        var first = await service.FileAsync(scope, ThreeCpe(w));
        var second = await service.FileAsync(scope, ThreeCpe(w));

        Assert.True(second.AlreadyFiled);
        Assert.Equal(first.RequestId, second.RequestId);
        Assert.Equal(3, await w.ReadAsync(db => db.OrderLines.CountAsync()));
    }

    [Fact]
    public async Task Validated_order_is_produced_on_the_promised_business_days_and_cards_join_the_registry()
    {
        // Monday 15 June 2026: 10 business days later is Monday 29 June, codes on Tuesday 30 June.
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        var service = Orders(w);
        var outcome = await service.FileAsync(await MandataryScope(w), ThreeCpe(w));

        var bulk = await service.ValidateAsync(w.Desk, [outcome.RequestId]);

        Assert.Equal([outcome.Number], bulk.Validated);
        var validated = (await service.GetAsync(w.Desk, outcome.RequestId))!;
        Assert.Equal(RequestStatus.Validated, validated.Status);
        Assert.All(validated.Lines, l => Assert.Equal((OrderLineStatus.Validated, new DateOnly(2026, 6, 29), new DateOnly(2026, 6, 30)), (l.Status, l.ExpectedOn, l.CodesExpectedOn)));

        await service.RunProductionAsync();
        var made = (await service.GetAsync(w.Desk, outcome.RequestId))!;
        Assert.Equal(RequestStatus.InProgress, made.Status);
        Assert.All(made.Lines, l => Assert.Equal(OrderLineStatus.InProduction, l.Status));
        var cards = await w.ReadAsync(db => db.Cards.Include(c => c.Events).Include(c => c.Holder).Where(c => c.OrderedByRequestId == outcome.RequestId).ToListAsync());
        Assert.Equal(3, cards.Count);
        Assert.All(cards, c => Assert.Equal((CardType.Cpe, CardStatus.InProduction, w.Hospital, new DateOnly(2026, 6, 29)), (c.Type, c.Status, c.StructureId!.Value, c.ExpectedOn!.Value)));
        Assert.Contains(cards, c => c.Holder!.LastName == "Petit" && c.Holder.Profession == "Secrétaire médicale");

        // A second run the same day moves nothing.
        Assert.Equal(0, (await service.RunProductionAsync()).LinesAdvanced);

        w.Clock.Now = (Paris.At(2026, 6, 25, 8));
        await service.RunProductionAsync();
        Assert.All((await service.GetAsync(w.Desk, outcome.RequestId))!.Lines, l => Assert.Equal(OrderLineStatus.Shipped, l.Status));

        w.Clock.Now = (Paris.At(2026, 6, 29, 8));
        await service.RunProductionAsync();
        Assert.All((await service.GetAsync(w.Desk, outcome.RequestId))!.Lines, l => Assert.Equal(OrderLineStatus.CodesSent, l.Status));

        w.Clock.Now = (Paris.At(2026, 6, 30, 8));
        var run = await service.RunProductionAsync();
        Assert.Equal((3, 1), (run.LinesAdvanced, run.OrdersCompleted));
        var done = (await service.GetAsync(w.Desk, outcome.RequestId))!;
        Assert.Equal(RequestStatus.Completed, done.Status);
        Assert.All(done.Lines, l => Assert.Equal(OrderLineStatus.Active, l.Status));
        Assert.All(done.Lines, l => Assert.All(l.Steps, s => Assert.True(s.Done, s.Label)));
        var active = await w.ReadAsync(db => db.Cards.Include(c => c.Events).Where(c => c.OrderedByRequestId == outcome.RequestId).ToListAsync());
        Assert.All(active, c => Assert.Equal(CardStatus.Active, c.Status));
        Assert.All(active, c => Assert.Equal(
            [CardStatus.Ordered, CardStatus.InProduction, CardStatus.Shipped, CardStatus.CodesSent, CardStatus.Active],
            c.Events.OrderBy(e => e.Id).Select(e => e.Status)));
    }

    [Fact]
    public async Task Agent_advances_a_validated_order_one_simulated_step_at_a_time()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        var service = Orders(w);
        var outcome = await service.FileAsync(await MandataryScope(w), ThreeCpe(w) with { Lines = [new("Bernard", "Lucas", null, "Agent d'accueil")] });
        await service.ValidateAsync(w.Desk, [outcome.RequestId]);

        var statuses = new List<OrderLineStatus>();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(1, await service.AdvanceAsync(w.Desk, outcome.RequestId));
            statuses.Add(Assert.Single((await service.GetAsync(w.Desk, outcome.RequestId))!.Lines).Status);
        }

        Assert.Equal([OrderLineStatus.InProduction, OrderLineStatus.Shipped, OrderLineStatus.CodesSent, OrderLineStatus.Active], statuses);
        Assert.Equal(RequestStatus.Completed, (await service.GetAsync(w.Desk, outcome.RequestId))!.Status);
        await Assert.ThrowsAsync<RequestException>(() => service.AdvanceAsync(w.Desk, outcome.RequestId));
        Assert.Contains(await w.ReadAsync(db => db.RequestEvents.Where(e => e.RequestId == outcome.RequestId).Select(e => e.Text).ToListAsync()),
            t => t.Contains(OrderService.SimulationLabel));
    }

    [Fact]
    public async Task Order_for_a_holder_with_an_active_card_of_the_same_type_is_refused_and_nothing_is_saved()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        var order = ThreeCpe(w) with { Lines = [new("Bernard", "Lucas", null, "Agent d'accueil"), new("LEGRAND", "sophie", null, "Secrétaire médicale")] };

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(async () => await Orders(w).FileAsync(await MandataryScope(w), order));

        Assert.Equal(RequestRule.NoActiveCardOfSameType, refusal.Result.Rule);
        Assert.StartsWith("Ligne 2 :", refusal.Message);
        Assert.Equal(0, await w.ReadAsync(db => db.Requests.CountAsync()));
        Assert.Equal(0, await w.ReadAsync(db => db.OrderLines.CountAsync()));
    }

    [Fact]
    public async Task Holder_already_in_an_open_order_cannot_be_ordered_again()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        var service = Orders(w);
        var first = await service.FileAsync(await MandataryScope(w), ThreeCpe(w));

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => service.FileAsync(w.Desk,
            ThreeCpe(w) with { Capacity = RequesterCapacity.StructureHead, DeclarantPersonId = w.Head, Lines = [new("Roux", "Hugo", null, "Agent administratif")] }));

        Assert.Contains(first.Number, refusal.Message);
    }

    [Fact]
    public async Task Line_whose_holder_got_a_card_meanwhile_is_rejected_alone_at_validation()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        var service = Orders(w);
        var outcome = await service.FileAsync(await MandataryScope(w), ThreeCpe(w));
        await using (var db = w.Database.CreateContext(w.Clock))
        {
            var build = new RegistryBuilder(db);
            var hospital = await db.Structures.SingleAsync(s => s.Id == w.Hospital);
            build.Card(build.Person("Emma", "Petit"), hospital, CardType.Cpe);
            await build.SaveAsync();
        }

        await service.ValidateAsync(w.Desk, [outcome.RequestId]);

        var order = (await service.GetAsync(w.Desk, outcome.RequestId))!;
        Assert.Equal(RequestStatus.Validated, order.Status);
        Assert.Equal([OrderLineStatus.Validated, OrderLineStatus.Rejected, OrderLineStatus.Validated], order.Lines.Select(l => l.Status));
        Assert.Contains("déjà une carte", order.Lines[1].RejectionReason);
    }

    [Fact]
    public async Task F201_for_a_nurse_is_refused_because_RPPS_professions_get_their_CPS_automatically()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        var order = new NewOrder(w.Hospital, FormCode.F201, RequestChannel.Portal, RequesterCapacity.Mandatary, [new("Blanc", "Julie", "99700026547", "Infirmière")]);

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(async () => await Orders(w).FileAsync(await MandataryScope(w), order));

        Assert.Equal(RequestRule.RppsProfessionsGetTheirCpsAutomatically, refusal.Result.Rule);
        Assert.Contains("automatiquement", refusal.Message);
    }

    [Fact]
    public async Task Mandatary_of_the_hospital_reads_and_changes_nothing_of_another_structure()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        var service = Orders(w);
        var scope = await MandataryScope(w);
        var clinicOrder = await service.FileAsync(w.Desk, new NewOrder(w.Clinic, FormCode.F414, RequestChannel.Mail, RequesterCapacity.Other,
            [new(null, null, null, "CPS médecin")], DeclarantName: "Éditeur de logiciel", IdDocumentAttachmentId: (await w.MailWithIdScanAsync("F414")).AttachmentId));

        Assert.Null(await service.GetAsync(scope, clinicOrder.RequestId));
        Assert.DoesNotContain((await service.SearchAsync(scope, new OrderQuery(), new PageRequest(0, 200))).Items, o => o.Id == clinicOrder.RequestId);
        Assert.Empty((await service.SearchAsync(scope, new OrderQuery(StructureId: w.Clinic), new PageRequest(0, 200))).Items);
        await Assert.ThrowsAsync<RequestNotFoundException>(() => service.FileAsync(scope, ThreeCpe(w) with { StructureId = w.Clinic }));
        await Assert.ThrowsAsync<RequestNotFoundException>(() => service.CheckAsync(scope, ThreeCpe(w) with { StructureId = w.Clinic }));
        await Assert.ThrowsAsync<RequestException>(() => service.ValidateAsync(scope, [clinicOrder.RequestId]));
        await Assert.ThrowsAsync<RequestNotFoundException>(() => service.AdvanceAsync(scope, clinicOrder.RequestId));
        await Assert.ThrowsAsync<RequestNotFoundException>(() => new OrderImportService(service).PreviewAsync(scope, ThreeCpe(w) with { StructureId = w.Clinic },
            new MemoryStream(Encoding.UTF8.GetBytes("nom;prenom;profession\nA;B;C\n"))));
        Assert.Equal(RequestStatus.Submitted, (await service.GetAsync(w.Desk, clinicOrder.RequestId))!.Status);
    }

    [Fact]
    public async Task Order_waiting_for_pieces_shows_it_on_every_line_and_rejection_rejects_every_line()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        var service = Orders(w);
        var outcome = await service.FileAsync(await MandataryScope(w), ThreeCpe(w));

        await w.Requests.RequestPiecesAsync(w.Desk, outcome.RequestId, ["Formulaire 301 signé"]);
        Assert.All((await service.GetAsync(w.Desk, outcome.RequestId))!.Lines, l => Assert.Equal(OrderLineStatus.MissingPieces, l.Status));

        await w.Requests.RejectAsync(w.Desk, outcome.RequestId, "Formulaire non reçu");
        Assert.All((await service.GetAsync(w.Desk, outcome.RequestId))!.Lines, l => Assert.Equal((OrderLineStatus.Rejected, "Formulaire non reçu"), (l.Status, l.RejectionReason)));
    }
}
