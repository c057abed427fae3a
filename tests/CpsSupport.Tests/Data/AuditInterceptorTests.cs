using System.Text.Json;
using CpsSupport.Data;
using CpsSupport.Features.Cards;
using CpsSupport.Features.People;
using CpsSupport.Features.Structures;
using CpsSupport.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Tests.Data;

public sealed class AuditInterceptorTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Added_entity_gets_timestamps_from_the_clock_and_an_audit_row_naming_the_actor()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var clock = new MutableClock(Monday);
        var agent = new TestActor(Guid.NewGuid(), "Camille Martin");
        await using (var db = database.CreateContext(clock, agent))
        {
            db.People.Add(new Person { FirstName = "Carole", LastName = "Pharmach", NationalId = "899700026547", NationalIdKind = NationalIdKind.Rpps });
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var person = await read.People.SingleAsync();
        Assert.Equal(Monday, person.CreatedAt);
        Assert.Equal(Monday, person.UpdatedAt);
        var audit = await read.AuditEvents.SingleAsync();
        Assert.Equal(("Person", person.Id.ToString(), "Added", "Camille Martin", agent.UserId), (audit.EntityType, audit.EntityId, audit.Action, audit.Actor, audit.UserId));
        Assert.Equal(Monday, audit.At);
        Assert.Contains("899700026547", audit.Changes);
    }

    [Fact]
    public async Task Modified_entity_records_only_changed_properties_with_old_and_new_values()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var clock = new MutableClock(Monday);
        var cardId = await SeedCardAsync(database, clock);
        clock.Advance(TimeSpan.FromDays(1));

        await using (var db = database.CreateContext(clock, new TestActor(null, "Support ANS")))
        {
            var card = await db.Cards.SingleAsync(c => c.Id == cardId);
            card.Status = CardStatus.Opposed;
            card.OppositionReason = "Perte";
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var card2 = await read.Cards.SingleAsync(c => c.Id == cardId);
        Assert.Equal(Monday, card2.CreatedAt);
        Assert.Equal(Monday.AddDays(1), card2.UpdatedAt);
        var audit = await read.AuditEvents.Where(a => a.EntityType == "Card" && a.Action == "Modified").SingleAsync();
        using var changes = JsonDocument.Parse(audit.Changes);
        var names = changes.RootElement.EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["OppositionReason", "Status"], names);
        Assert.Equal("Active", changes.RootElement.GetProperty("Status").GetProperty("old").GetString());
        Assert.Equal("Opposed", changes.RootElement.GetProperty("Status").GetProperty("new").GetString());
    }

    [Fact]
    public async Task Changing_only_an_address_audits_the_owning_structure()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var clock = new MutableClock(Monday);
        Guid structureId;
        await using (var db = database.CreateContext(clock))
        {
            var structure = new Structure { Name = "EHPAD Les Tilleuls", Kind = StructureKind.MedicoSocial, DeliveryAddress = new Address { Line1 = "1 rue des Lilas", PostalCode = "44000", City = "Nantes" } };
            db.Structures.Add(structure);
            await db.SaveChangesAsync();
            structureId = structure.Id;
        }
        clock.Advance(TimeSpan.FromHours(2));

        await using (var db = database.CreateContext(clock))
        {
            var structure = await db.Structures.SingleAsync(s => s.Id == structureId);
            structure.DeliveryAddress.City = "Rezé";
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var audit = await read.AuditEvents.Where(a => a.EntityId == structureId.ToString() && a.Action == "Modified").SingleAsync();
        Assert.Contains("DeliveryAddress.City", audit.Changes);
        Assert.Contains("Rezé", audit.Changes);
        Assert.Equal(Monday.AddHours(2), (await read.Structures.SingleAsync()).UpdatedAt);
    }

    [Fact]
    public async Task Failed_save_writes_no_audit_row()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var clock = new MutableClock(Monday);
        await SeedCardAsync(database, clock);

        await using (var db = database.CreateContext(clock))
        {
            var holder = await db.People.FirstAsync();
            db.Cards.Add(new Card { SerialNumber = "2500000001", HolderId = holder.Id, Type = CardType.Cps });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var read = database.CreateContext();
        Assert.Equal(2, await read.AuditEvents.CountAsync());
    }

    private static async Task<Guid> SeedCardAsync(TestDatabase database, TimeProvider clock)
    {
        await using var db = database.CreateContext(clock);
        var holder = new Person { FirstName = "Jean", LastName = "Dupont" };
        var card = new Card { SerialNumber = "2500000001", Holder = holder, Type = CardType.Cps, Status = CardStatus.Active };
        db.Cards.Add(card);
        await db.SaveChangesAsync();
        return card.Id;
    }

    private sealed class TestActor(Guid? userId, string name) : ICurrentActor
    {
        public Guid? UserId { get; } = userId;
        public string Name { get; } = name;
    }
}
