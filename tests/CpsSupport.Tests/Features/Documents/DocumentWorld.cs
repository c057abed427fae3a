using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Calendar;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Documents;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.TestUtilities;
using Microsoft.Extensions.Logging.Abstractions;

namespace CpsSupport.Tests.Features.Documents;

/// <summary>
/// A test database with two structures, a holder with a card in A, a ticket of A with an F501 request about the
/// card, and an F502 request of B; the document service on the shared renderer of <see cref="DocumentsFixture"/>.
/// </summary>
public sealed class DocumentWorld : IAsyncDisposable
{
    public const string F501Details = """
        { "declarantCapacity": "holder", "kind": "loss", "incidentOn": "2026-11-20", "incidentPlace": "Lyon",
          "circumstances": "Carte perdue au marché.", "replacementRequested": true, "signedAt": "Lyon", "signedOn": "2026-11-21" }
        """;

    private DocumentWorld(TestDatabase database, DocumentsFixture fixture)
    {
        Database = database;
        Clock = new MutableClock(Paris.At(2026, 11, 24, 10));
        Factory = new TestDbContextFactory(database, Clock);
        Documents = NewService(fixture, new SystemActor("Lucie Moreau"));
        Fixture = fixture;
    }

    public TestDatabase Database { get; }
    public MutableClock Clock { get; }
    public TestDbContextFactory Factory { get; }
    public DocumentsFixture Fixture { get; }
    public DocumentService Documents { get; }
    public Guid StructureA { get; private set; }
    public Guid StructureB { get; private set; }
    public Guid TicketA { get; private set; }
    public Guid RequestA { get; private set; }
    public Guid RequestB { get; private set; }
    public string CardSerial { get; private set; } = "";

    public static AccessScope Desk { get; } = new(Guid.NewGuid(), true, false, new HashSet<Guid>());
    public AccessScope PortalOf(Guid structure) => new(Guid.NewGuid(), false, false, new HashSet<Guid> { structure });

    public DocumentService NewService(DocumentsFixture fixture, ICurrentActor actor) =>
        new(Factory, fixture.Templates, fixture.Renderer, fixture.Store, Clock, actor, BusinessCalendar.Default, NullLogger<DocumentService>.Instance);

    public static async Task<DocumentWorld> CreateAsync(DocumentsFixture fixture)
    {
        var world = new DocumentWorld(await TestPostgres.CreateDatabaseAsync(), fixture);
        await using var db = world.Database.CreateContext(world.Clock);
        var build = new RegistryBuilder(db);
        var a = build.Structure("Pharmacie des Tilleuls", finess: "010000024");
        var b = build.Structure("Clinique du Parc", finess: "010000032");
        var holder = build.Person("Hélène", "Durand", "810002813844", "Pharmacien");
        holder.CorrespondenceAddress = new CpsSupport.Features.Structures.Address { Line1 = "3 avenue Foch", PostalCode = "69006", City = "Lyon" };
        var head = build.Person("Claire", "Dubois");
        b.LegalRepresentative = head;
        var card = build.Card(holder, a, CardType.Cps);
        await db.SaveChangesAsync();

        var tickets = new TicketService(world.Factory, world.Clock, new SystemActor("Lucie Moreau"), new TicketSla(BusinessCalendar.Default));
        var ticket = await tickets.CreateAsync(Desk, new NewTicket("Carte perdue", TicketChannel.Phone, TicketCategory.Other, StructureId: a.Id, PersonId: holder.Id));
        var requestA = new SupportRequest { Number = "REQ-2026-000042", Form = FormCode.F501, Status = RequestStatus.Submitted, StructureId = a.Id, PersonId = holder.Id, TicketId = ticket.Id, Details = F501Details };
        var requestB = new SupportRequest
        {
            Number = "REQ-2026-000043", Form = FormCode.F502, Status = RequestStatus.Submitted, StructureId = b.Id,
            Details = """{ "mandataries": [ { "action": "designate", "lastName": "Petit", "firstName": "Louis", "effectiveOn": "2026-12-01" } ] }""",
        };
        db.Requests.AddRange(requestA, requestB);
        await db.SaveChangesAsync();

        world.StructureA = a.Id;
        world.StructureB = b.Id;
        world.TicketA = ticket.Id;
        world.RequestA = requestA.Id;
        world.RequestB = requestB.Id;
        world.CardSerial = card.SerialNumber;
        return world;
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
