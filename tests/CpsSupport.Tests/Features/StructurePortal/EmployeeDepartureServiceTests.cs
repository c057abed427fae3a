using CpsSupport.Features.Accounts;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Incidents;
using CpsSupport.Features.StructurePortal;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.Features.Incidents;
using CpsSupport.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Tests.Features.StructurePortal;

/// <summary>
/// "Un employé a quitté la structure" from the portal: an F501 opposition with ground "départ de la structure", through the
/// incident rules, only on the caller's structures' cards.
/// </summary>
public sealed class EmployeeDepartureServiceTests
{
    private static async Task<IncidentWorld> WorldAsync() => await IncidentWorld.CreateAsync(Paris.At(2026, 6, 10, 10));

    private static EmployeeDepartureService Departures(IncidentWorld w) => new(w.Factory, w.Incidents, w.Clock);

    [Fact]
    public async Task Head_declares_a_departure_the_card_is_opposed_without_replacement_and_its_history_and_audit_say_why()
    {
        await using var w = await WorldAsync();
        var outcome = await Departures(w).DeclareAsync(await w.HeadScopeAsync(), w.EmployeeCard, new DepartureDeclaration(new DateOnly(2026, 6, 9), "Fin de contrat"));

        Assert.Equal(RequestStatus.Completed, outcome.Status);
        Assert.False(outcome.AlreadyDeclared);
        Assert.Null(outcome.Replacement);
        Assert.Equal(2, outcome.Opposition!.RevokedCertificates);

        var card = await w.CardAsync(w.EmployeeCard);
        Assert.Equal(CardStatus.Opposed, card.Status);
        Assert.Equal(outcome.RequestId, card.OppositionRequestId);
        Assert.Contains("départ de la structure", card.OppositionReason);
        Assert.Contains("Départ de l'employé le 09/06/2026 : Fin de contrat", card.OppositionReason);
        Assert.All(card.Certificates, c => Assert.Equal(w.Clock.Now, c.RevokedAt));
        var opposed = Assert.Single(card.Events, e => e.Status == CardStatus.Opposed);
        Assert.Contains("départ de la structure", opposed.Reason);
        Assert.Equal(IncidentWorld.Actor.Name, opposed.Actor);
        Assert.False(await w.ReadAsync(db => db.Cards.AnyAsync(c => c.ReplacesCardId == w.EmployeeCard)));

        var request = (await w.Requests.GetAsync(w.Desk, outcome.RequestId))!;
        Assert.Equal((FormCode.F501, "Revocation", RequestChannel.Portal, RequesterCapacity.StructureHead, (Guid?)w.Head),
            (request.Form, request.Kind, request.Channel, request.Capacity, request.DeclarantPersonId));
        Assert.True(await w.ReadAsync(db => db.AuditEvents.AnyAsync(a => a.EntityType == nameof(Card) && a.EntityId == w.EmployeeCard.ToString() && a.Action == "Modified")));

        // The card's page (as the head sees it) shows the opposition in its lifecycle.
        var detail = (await new CardService(w.Factory).GetAsync(await w.HeadScopeAsync(), w.EmployeeCard))!;
        Assert.Contains(detail.Events, e => e.Status == CardStatus.Opposed && e.Reason!.Contains("départ de la structure"));
    }

    [Fact]
    public async Task Mandatary_declares_as_mandatary_and_a_second_declaration_returns_the_first()
    {
        await using var w = await WorldAsync();
        var scope = await w.ScopeAsync(w.MandataryUser, Roles.Mandatary);
        var first = await Departures(w).DeclareAsync(scope, w.EmployeeCard, new DepartureDeclaration());
        var request = (await w.Requests.GetAsync(w.Desk, first.RequestId))!;
        Assert.Equal((RequesterCapacity.Mandatary, (Guid?)w.Mandatary), (request.Capacity, request.DeclarantPersonId));
        Assert.Contains("Départ de l'employé le 10/06/2026", (await w.CardAsync(w.EmployeeCard)).OppositionReason);

        var again = await Departures(w).DeclareAsync(scope, w.EmployeeCard, new DepartureDeclaration());
        Assert.True(again.AlreadyDeclared);
        Assert.Equal(first.RequestId, again.RequestId);
        Assert.Equal(1, await w.ReadAsync(db => db.Requests.CountAsync(r => r.CardId == w.EmployeeCard)));
    }

    [Fact]
    public async Task Head_or_mandatary_of_the_hospital_cannot_touch_a_card_of_another_structure()
    {
        await using var w = await WorldAsync();
        foreach (var scope in new[] { await w.HeadScopeAsync(), await w.ScopeAsync(w.MandataryUser, Roles.Mandatary) })
        {
            foreach (var other in new[] { w.ClinicCard, w.SecretaryCard, w.Clinic, Guid.NewGuid() })
            {
                var error = await Assert.ThrowsAsync<RequestNotFoundException>(() => Departures(w).DeclareAsync(scope, other, new DepartureDeclaration()));
                Assert.Equal("Carte introuvable.", error.Message);
            }
        }
        Assert.Equal(CardStatus.Active, (await w.CardAsync(w.ClinicCard)).Status);
        Assert.Equal(CardStatus.Active, (await w.CardAsync(w.SecretaryCard)).Status);
        Assert.Equal(0, await w.ReadAsync(db => db.Requests.CountAsync()));
    }

    [Fact]
    public async Task Rpps_nurse_cannot_be_opposed_for_a_departure_before_radiation_and_the_refusal_says_why_in_french()
    {
        await using var w = await WorldAsync();
        var head = await w.HeadScopeAsync();
        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => Departures(w).DeclareAsync(head, w.NurseCard, new DepartureDeclaration()));
        Assert.Contains("profession gérée par le RPPS", refusal.Message);
        Assert.Contains("radiation", refusal.Message);
        Assert.Equal(CardStatus.Active, (await w.CardAsync(w.NurseCard)).Status);
        Assert.Equal(0, await w.ReadAsync(db => db.Requests.CountAsync()));
    }

    [Fact]
    public async Task Expired_card_future_date_long_comment_and_desk_staff_are_refused_in_french()
    {
        await using var w = await WorldAsync();
        var head = await w.HeadScopeAsync();
        var expired = await w.ReadAsync(db => db.Cards.Where(c => c.StructureId == w.Hospital && c.Status == CardStatus.Expired).Select(c => c.Id).SingleAsync());

        var notInCirculation = await Assert.ThrowsAsync<RequestRefusedException>(() => Departures(w).DeclareAsync(head, expired, new DepartureDeclaration()));
        Assert.Contains("n'est plus en circulation", notInCirculation.Message);
        var future = await Assert.ThrowsAsync<RequestException>(() => Departures(w).DeclareAsync(head, w.EmployeeCard, new DepartureDeclaration(new DateOnly(2026, 6, 11))));
        Assert.Contains("dans le futur", future.Message);
        var tooLong = await Assert.ThrowsAsync<RequestException>(() => Departures(w).DeclareAsync(head, w.EmployeeCard, new DepartureDeclaration(Comment: new string('x', 501))));
        Assert.Contains("500 caractères", tooLong.Message);
        var desk = await Assert.ThrowsAsync<RequestException>(() => Departures(w).DeclareAsync(w.Desk, w.EmployeeCard, new DepartureDeclaration()));
        Assert.Contains("formulaire F501", desk.Message);

        Assert.Equal(CardStatus.Active, (await w.CardAsync(w.EmployeeCard)).Status);
        Assert.Equal(0, await w.ReadAsync(db => db.Requests.CountAsync()));
    }
}
