using CpsSupport.Features.Accounts;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Requests.Rules;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Tests.Features.Incidents;

/// <summary>F502 (mandataries), F503 (technical administrators), F504 (delivery address) against a real PostgreSQL.</summary>
public sealed class StructureRequestServiceTests
{
    private static StructureFiling ByHead(IncidentWorld w, RequestChannel channel = RequestChannel.Portal, Guid? structureId = null) =>
        new(structureId ?? w.Hospital, channel, RequesterCapacity.StructureHead, w.Head);

    [Fact]
    public async Task Mandatary_designated_by_F502_immediately_gets_the_structure_in_their_access_scope_even_just_after_midnight_in_Paris()
    {
        // 00:30 in Paris on 16 June is still 15 June in UTC: the mandate starts on the French date and counts at once.
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 16, 0, 30));
        Assert.Empty((await w.ScopeAsync(w.CandidateUser, Roles.Mandatary)).StructureIds);

        var outcome = await w.StructureForms.ChangeMandatariesAsync(await w.HeadScopeAsync(), ByHead(w), [w.Candidate], []);

        Assert.Equal(RequestStatus.Completed, outcome.Status);
        Assert.Contains("Jeanne CANDIDATE désigné(e) mandataire à compter du 16/06/2026", outcome.Summary);
        var scope = await w.ScopeAsync(w.CandidateUser, Roles.Mandatary);
        Assert.Equal([w.Hospital], scope.StructureIds);
        var mandate = await w.ReadAsync(db => db.Mandates.SingleAsync(m => m.PersonId == w.Candidate));
        Assert.Equal(new DateOnly(2026, 6, 16), mandate.StartsOn);
        Assert.True(await w.ReadAsync(db => db.AuditEvents.AnyAsync(a => a.EntityType == nameof(Mandate) && a.Action == "Added")));
    }

    [Fact]
    public async Task Mandatary_designated_by_F502_gets_the_unlinked_account_of_their_registry_email_with_the_mandatary_role()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        var (person, account) = await PersonWithUnlinkedAccountAsync(w, "Lucie", "Nouvelle", "lucie.nouvelle@hopital.test", accountEmail: "Lucie.Nouvelle@Hopital.test");
        Assert.Empty((await w.ScopeAsync(account, Roles.Mandatary)).StructureIds);

        var outcome = await w.StructureForms.ChangeMandatariesAsync(await w.HeadScopeAsync(), ByHead(w), [person], []);

        Assert.Equal(RequestStatus.Completed, outcome.Status);
        Assert.Contains(outcome.Changes, c => c.Contains("relié à Lucie NOUVELLE") && c.Contains("rôle mandataire"));
        var user = await w.ReadAsync(db => db.Users.SingleAsync(u => u.Id == account));
        Assert.Equal(person, user.PersonId);
        Assert.True(await w.ReadAsync(db => db.UserRoles.AnyAsync(r => r.UserId == account && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Mandatary))));
        Assert.Equal([w.Hospital], (await w.ScopeAsync(account, Roles.Mandatary)).StructureIds);
    }

    [Fact]
    public async Task Mandatary_designation_never_takes_over_an_account_linked_to_someone_else()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        // The account with her registry e-mail already belongs to Sophie LEGRAND.
        var (person, account) = await PersonWithUnlinkedAccountAsync(w, "Lucie", "Homonyme", "partage@hopital.test", accountEmail: "partage@hopital.test", linkedTo: w.Employee);

        var outcome = await w.StructureForms.ChangeMandatariesAsync(await w.HeadScopeAsync(), ByHead(w), [person], []);

        Assert.Equal(RequestStatus.Completed, outcome.Status);
        Assert.Contains(outcome.Changes, c => c.Contains("déjà relié à une autre personne"));
        Assert.Equal(w.Employee, await w.ReadAsync(db => db.Users.Where(u => u.Id == account).Select(u => u.PersonId).SingleAsync()));
        Assert.False(await w.ReadAsync(db => db.UserRoles.AnyAsync(r => r.UserId == account)));
    }

    /// <summary>A new employee of the hospital with an active card and a registry e-mail, and a sign-in account (unlinked unless <paramref name="linkedTo"/>).</summary>
    private static async Task<(Guid Person, Guid Account)> PersonWithUnlinkedAccountAsync(IncidentWorld w, string first, string last, string email, string accountEmail,
        Guid? linkedTo = null)
    {
        var account = Guid.NewGuid();
        var person = await w.ReadAsync(async db =>
        {
            var build = new RegistryBuilder(db);
            var p = build.Person(first, last, profession: "Cadre de santé");
            p.Email = email;
            build.Card(p, await db.Structures.SingleAsync(s => s.Id == w.Hospital), CardType.Cpe);
            db.Users.Add(new AppUser
            {
                Id = account, UserName = accountEmail, Email = accountEmail, NormalizedEmail = accountEmail.ToUpperInvariant(), DisplayName = $"{first} {last}", PersonId = linkedTo,
            });
            await db.SaveChangesAsync();
            return p.Id;
        });
        return (person, account);
    }

    [Fact]
    public async Task Mandatary_removed_by_F502_loses_access_at_once()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        Assert.Equal([w.Hospital], (await w.ScopeAsync(w.MandataryUser, Roles.Mandatary)).StructureIds);

        var outcome = await w.StructureForms.ChangeMandatariesAsync(w.Desk, ByHead(w, RequestChannel.Mail) with { IdDocumentAttachmentId = (await w.MailWithIdScanAsync("F502")).AttachmentId },
            [], [w.Mandatary]);

        Assert.Equal(RequestStatus.Completed, outcome.Status);
        Assert.Empty((await w.ScopeAsync(w.MandataryUser, Roles.Mandatary)).StructureIds);
        Assert.Equal(new DateOnly(2026, 6, 14), await w.ReadAsync(db => db.Mandates.Where(m => m.PersonId == w.Mandatary).Select(m => m.EndsOn).SingleAsync()));
    }

    [Fact]
    public async Task Mandatary_cannot_designate_another_mandatary()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        var mandataryScope = await w.ScopeAsync(w.MandataryUser, Roles.Mandatary);

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() => w.StructureForms.ChangeMandatariesAsync(mandataryScope,
            new StructureFiling(w.Hospital, RequestChannel.Portal, RequesterCapacity.Mandatary), [w.Candidate], []));

        Assert.Equal(RequestRule.MandatariesByLegalRepresentativeOnly, refusal.Result.Rule);
        Assert.Empty((await w.ScopeAsync(w.CandidateUser, Roles.Mandatary)).StructureIds);
        Assert.Equal(0, await w.ReadAsync(db => db.Requests.CountAsync()));
    }

    [Fact]
    public async Task Designating_someone_without_an_active_card_is_refused()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));

        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() =>
            w.StructureForms.ChangeMandatariesAsync(w.Desk, ByHead(w), [w.NoCardPerson], []));

        Assert.Equal(RequestRule.MandataryHoldsActiveCard, refusal.Result.Rule);
        Assert.Contains("Paul SANSCARTE", refusal.Message);
    }

    [Fact]
    public async Task Repeated_F502_returns_the_first_request_and_creates_one_mandate()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        var scope = await w.HeadScopeAsync();

        var first = await w.StructureForms.ChangeMandatariesAsync(scope, ByHead(w), [w.Candidate], []);
        var second = await w.StructureForms.ChangeMandatariesAsync(scope, ByHead(w), [w.Candidate], []);

        Assert.False(first.AlreadyFiled);
        Assert.True(second.AlreadyFiled);
        Assert.Equal(first.Number, second.Number);
        Assert.Equal(1, await w.ReadAsync(db => db.Mandates.CountAsync(m => m.PersonId == w.Candidate)));
    }

    [Fact]
    public async Task F503_adds_and_removes_technical_administrators_and_needs_the_membership_contract()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        var mandataryScope = await w.ScopeAsync(w.MandataryUser, Roles.Mandatary);
        var filing = new StructureFiling(w.Hospital, RequestChannel.Portal, RequesterCapacity.Mandatary);

        var added = await w.StructureForms.ChangeTechnicalAdministratorsAsync(mandataryScope, filing, [w.Candidate], []);
        Assert.Equal(RequestStatus.Completed, added.Status);
        Assert.True(Assert.Single((await w.StructureForms.TechnicalAdministratorsAsync(mandataryScope, w.Hospital))!).IsActive);

        w.Clock.Advance(TimeSpan.FromDays(1));
        await w.StructureForms.ChangeTechnicalAdministratorsAsync(mandataryScope, filing, [], [w.Candidate]);
        Assert.False(Assert.Single((await w.StructureForms.TechnicalAdministratorsAsync(mandataryScope, w.Hospital))!).IsActive);

        await w.ReadAsync(db => db.Structures.Where(s => s.Id == w.Hospital).ExecuteUpdateAsync(s => s.SetProperty(x => x.HasMembershipContract, false)));
        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(() =>
            w.StructureForms.ChangeTechnicalAdministratorsAsync(mandataryScope, filing, [w.Employee], []));
        Assert.Equal(RequestRule.TechnicalAdministratorsNeedMembershipContract, refusal.Result.Rule);
    }

    [Fact]
    public async Task F504_changes_the_delivery_address_and_flags_the_cards_still_on_their_way()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        await w.ShipAsync(w.EmployeeCard, Paris.At(2026, 6, 12, 8), new DateOnly(2026, 6, 18));
        var ordered = await w.DeclareAsync(CpsSupport.Features.Incidents.IncidentKind.Malfunction, RequestChannel.Tom, cardId: w.NurseCard);
        var address = new Address { Line1 = "Bâtiment B, 2 allée des Tilleuls", PostalCode = "45 000", City = "Orléans" };

        var outcome = await w.StructureForms.ChangeDeliveryAddressAsync(await w.ScopeAsync(w.MandataryUser, Roles.Mandatary),
            new StructureFiling(w.Hospital, RequestChannel.Portal, RequesterCapacity.Mandatary), address);

        Assert.Equal(RequestStatus.Completed, outcome.Status);
        var structure = await w.ReadAsync(db => db.Structures.SingleAsync(s => s.Id == w.Hospital));
        Assert.Equal(("Bâtiment B, 2 allée des Tilleuls", "45000", "Orléans"), (structure.DeliveryAddress.Line1, structure.DeliveryAddress.PostalCode, structure.DeliveryAddress.City));
        Assert.Equal(new[] { w.EmployeeCard, ordered.Replacement!.CardId }.Order(), outcome.FlaggedShipments.Select(f => f.CardId).Order());
        var shipped = outcome.FlaggedShipments.Single(f => f.CardId == w.EmployeeCard);
        Assert.Contains("ancienne adresse", shipped.Flag);
        Assert.Contains("nouvelle adresse", outcome.FlaggedShipments.Single(f => f.CardId == ordered.Replacement.CardId).Flag);
        Assert.Null((await w.CardAsync(w.NurseCard)).ShipmentFlaggedAt);
        Assert.Contains((await w.CardAsync(w.EmployeeCard)).Events, e => e.Reason!.Contains(outcome.Number));
        var audited = await w.ReadAsync(db => db.AuditEvents.Where(a => a.EntityType == nameof(Structure) && a.Action == "Modified").Select(a => a.Changes).ToListAsync());
        Assert.Contains(audited, changes => changes.Contains("DeliveryAddress.Line1"));
    }

    [Fact]
    public async Task F504_by_mail_without_identity_waits_for_it_then_applies_when_it_arrives()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        var (ticket, scan) = await w.MailWithIdScanAsync("Changement d'adresse de livraison");
        var address = new Address { Line1 = "2 allée des Tilleuls", PostalCode = "45000", City = "Orléans" };

        var waiting = await w.StructureForms.ChangeDeliveryAddressAsync(w.Desk, ByHead(w, RequestChannel.Mail) with { TicketId = ticket }, address);
        Assert.Equal(RequestStatus.MissingPieces, waiting.Status);
        Assert.Equal("Paris", (await w.ReadAsync(db => db.Structures.SingleAsync(s => s.Id == w.Hospital))).DeliveryAddress.City);

        var done = await w.StructureForms.ProvidePiecesAsync(w.Desk, waiting.RequestId, scan);

        Assert.Equal(RequestStatus.Completed, done.Status);
        Assert.Equal("Orléans", (await w.ReadAsync(db => db.Structures.SingleAsync(s => s.Id == w.Hospital))).DeliveryAddress.City);
        Assert.Contains(waiting.Number, (await w.ReadAsync(db => db.TicketEvents.SingleAsync(e => e.TicketId == ticket))).Text);
    }

    [Fact]
    public async Task Portal_user_cannot_file_structure_forms_for_another_structure()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        var scope = await w.HeadScopeAsync();
        var other = ByHead(w, structureId: w.Clinic);

        await Assert.ThrowsAsync<RequestNotFoundException>(() => w.StructureForms.ChangeMandatariesAsync(scope, other, [w.Candidate], []));
        await Assert.ThrowsAsync<RequestNotFoundException>(() => w.StructureForms.ChangeTechnicalAdministratorsAsync(scope, other, [w.Candidate], []));
        await Assert.ThrowsAsync<RequestNotFoundException>(() => w.StructureForms.ChangeDeliveryAddressAsync(scope, other,
            new Address { Line1 = "1 rue X", PostalCode = "75001", City = "Paris" }));
        Assert.Null(await w.StructureForms.TechnicalAdministratorsAsync(scope, w.Clinic));
        Assert.Equal(0, await w.ReadAsync(db => db.Requests.CountAsync()));
        Assert.Equal(0, await w.ReadAsync(db => db.Mandates.CountAsync(m => m.StructureId == w.Clinic)));
    }

    [Fact]
    public async Task Portal_user_cannot_name_a_person_outside_their_structures()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));

        var scope = await w.HeadScopeAsync();

        await Assert.ThrowsAsync<RequestNotFoundException>(() => w.StructureForms.ChangeMandatariesAsync(scope, ByHead(w), [w.ClinicHead], []));
    }
}
