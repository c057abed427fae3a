using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Calendar;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.TestUtilities;

namespace CpsSupport.Tests.Features.Tickets;

/// <summary>A test database with two structures, a holder with a card in each, and the ticket services on a fake clock.</summary>
public sealed class TicketWorld : IAsyncDisposable
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private TicketWorld(TestDatabase database, MutableClock clock)
    {
        Database = database;
        Clock = clock;
        Factory = new TestDbContextFactory(database, clock);
        Sla = new TicketSla(BusinessCalendar.Default);
        Tickets = new TicketService(Factory, clock, new SystemActor("Camille Martin"), Sla);
        Queries = new TicketQueryService(Factory, clock, Sla);
    }

    public TestDatabase Database { get; }
    public MutableClock Clock { get; }
    public TestDbContextFactory Factory { get; }
    public TicketSla Sla { get; }
    public TicketService Tickets { get; }
    public TicketQueryService Queries { get; }
    public Guid StructureA { get; private set; }
    public Guid StructureB { get; private set; }
    public Guid HolderA { get; private set; }
    public Guid CardA { get; private set; }
    public string CardASerial { get; private set; } = "";
    public Guid AgentUserId { get; } = Guid.NewGuid();

    public AccessScope Desk => new(AgentUserId, true, false, new HashSet<Guid>());
    public AccessScope PortalOfA => new(Guid.NewGuid(), false, false, new HashSet<Guid> { StructureA });

    /// <summary>Paris wall-clock time as an instant.</summary>
    public static DateTimeOffset ParisTime(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Paris.GetUtcOffset(local));
    }

    public static async Task<TicketWorld> CreateAsync(DateTimeOffset now)
    {
        var world = new TicketWorld(await TestPostgres.CreateDatabaseAsync(), new MutableClock(now));
        await using var db = world.Database.CreateContext(world.Clock);
        var build = new RegistryBuilder(db);
        var a = build.Structure("Pharmacie des Tilleuls", finess: "010000024");
        var b = build.Structure("Clinique du Parc", finess: "010000032");
        var holder = build.Person("Hélène", "Durand", "810002813844", "Pharmacien");
        var card = build.Card(holder, a, CpsSupport.Features.Cards.CardType.Cps);
        await db.SaveChangesAsync();
        db.Users.Add(new CpsSupport.Features.Accounts.AppUser { Id = world.AgentUserId, UserName = "agent@test", Email = "agent@test", DisplayName = "Camille Martin" });
        await db.SaveChangesAsync();
        world.StructureA = a.Id;
        world.StructureB = b.Id;
        world.HolderA = holder.Id;
        world.CardA = card.Id;
        world.CardASerial = card.SerialNumber;
        return world;
    }

    public Task<TicketCreated> CreateAsync(string subject, TicketCategory category = TicketCategory.Other, Guid? structureId = null, string? note = null,
        TicketMessageKind noteKind = TicketMessageKind.PhoneNote, Guid? personId = null, string? requesterName = null) =>
        Tickets.CreateAsync(Desk, new NewTicket(subject, TicketChannel.Phone, category, StructureId: structureId, FirstNote: note,
            FirstNoteKind: noteKind, PersonId: personId, RequesterName: requesterName));

    public async Task<Ticket> LoadAsync(Guid id)
    {
        await using var db = Database.CreateContext(Clock);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Tickets, t => t.Id == id);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
