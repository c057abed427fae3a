using System.Text;
using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Accounts;
using CpsSupport.Features.Calendar;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Files;
using CpsSupport.Features.Incidents;
using CpsSupport.Features.People;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace CpsSupport.Tests.Features.Incidents;

/// <summary>
/// A test database with a hospital (head, mandatary, staff with cards, an RPPS nurse), a liberal practice (a doctor and
/// his secretary), a second structure, their accounts, and the request services on a fake clock.
/// </summary>
public sealed class IncidentWorld : IAsyncDisposable
{
    private IncidentWorld(TestDatabase database, MutableClock clock, MissingPiecesOptions options, IInterceptor[] interceptors)
    {
        Database = database;
        Clock = clock;
        Factory = new InterceptingFactory(database, clock, Actor, interceptors);
        Incidents = new IncidentService(Factory, clock, Actor, BusinessCalendar.Default);
        Requests = new RequestService(Factory, clock, Actor, BusinessCalendar.Default, Options.Create(options));
        _options = options;
        StructureForms = new StructureRequestService(Factory, clock, Actor);
        Revocations = new RevocationListService(Factory);
        Scopes = new AccessScopeService(Factory, clock);
    }

    public static readonly SystemActor Actor = new("Camille Martin");
    private readonly MissingPiecesOptions _options;

    /// <summary>The request service with mail delivery set up: its reminders are mailed through <paramref name="outbox"/>.</summary>
    public RequestService RequestsMailingThrough(CpsSupport.Features.Mail.MailOutbox outbox) =>
        new(Factory, Clock, Actor, BusinessCalendar.Default, Options.Create(_options), outbox);

    public TestDatabase Database { get; }
    public MutableClock Clock { get; }
    public IDbContextFactory<CpsDbContext> Factory { get; }
    public IncidentService Incidents { get; }
    public RequestService Requests { get; }
    public StructureRequestService StructureForms { get; }
    public RevocationListService Revocations { get; }
    public AccessScopeService Scopes { get; }

    public Guid Hospital { get; private set; }
    public Guid Practice { get; private set; }
    public Guid Clinic { get; private set; }
    public Guid Head { get; private set; }
    public Guid Mandatary { get; private set; }
    public Guid Employee { get; private set; }
    public Guid Candidate { get; private set; }
    public Guid NoCardPerson { get; private set; }
    public Guid Nurse { get; private set; }
    public Guid Doctor { get; private set; }
    public Guid Secretary { get; private set; }
    public Guid ClinicHead { get; private set; }

    /// <summary>Sophie LEGRAND's CPE at the hospital, active, with an authentication and a signature certificate.</summary>
    public Guid EmployeeCard { get; private set; }
    public string EmployeeCardSerial { get; private set; } = "";
    public Guid NurseCard { get; private set; }
    public Guid SecretaryCard { get; private set; }
    public Guid ClinicCard { get; private set; }

    public Guid HeadUser { get; } = Guid.NewGuid();
    public Guid MandataryUser { get; } = Guid.NewGuid();
    public Guid CandidateUser { get; } = Guid.NewGuid();
    public Guid AgentUser { get; } = Guid.NewGuid();

    public AccessScope Desk => new(AgentUser, true, false, new HashSet<Guid>());

    public static readonly Address SophieAddress = new() { Line1 = "12 rue des Lilas", PostalCode = "45000", City = "Orléans" };

    public static async Task<IncidentWorld> CreateAsync(DateTimeOffset now, MissingPiecesOptions? options = null, params IInterceptor[] interceptors)
    {
        var world = new IncidentWorld(await TestPostgres.CreateDatabaseAsync(), new MutableClock(now), options ?? new MissingPiecesOptions(), interceptors);
        await world.SeedAsync();
        return world;
    }

    private async Task SeedAsync()
    {
        await using var db = Database.CreateContext(Clock);
        var build = new RegistryBuilder(db);
        var hospital = build.Structure("Centre hospitalier de Test-sur-Loire", StructureKind.HealthEstablishment, finess: "010000024");
        hospital.HasMembershipContract = true;
        var practice = build.Structure("Cabinet du Dr Martin", StructureKind.LiberalPractice);
        var clinic = build.Structure("Clinique du Parc", StructureKind.HealthEstablishment, finess: "010000032");

        var head = build.Person("Hélène", "Directrice");
        hospital.LegalRepresentative = head;
        build.Card(head, hospital, CardType.Cde);
        var mandatary = build.Person("Marc", "Mandataire");
        build.Card(mandatary, hospital, CardType.Cpe);
        build.Mandate(hospital, mandatary, new DateOnly(2026, 1, 1));
        var employee = build.Person("Sophie", "Legrand", profession: "Secrétaire médicale");
        employee.CorrespondenceAddress = SophieAddress;
        var employeeCard = build.Card(employee, hospital, CardType.Cpe);
        employeeCard.Certificates.Add(new CardCertificate { SerialNumber = "0A1B2C3D4E5F60718293", Usage = CertificateUsage.Authentication });
        employeeCard.Certificates.Add(new CardCertificate { SerialNumber = "0A1B2C3D4E5F60718294", Usage = CertificateUsage.Signature });
        var candidate = build.Person("Jeanne", "Candidate", profession: "Cadre administratif");
        build.Card(candidate, hospital, CardType.Cpe);
        var noCard = build.Person("Paul", "Sanscarte");
        build.Card(noCard, hospital, CardType.Cpe, CardStatus.Expired);
        var nurse = build.Person("Alice", "Infirmiere", "899700026547", "Infirmier");
        nurse.CorrespondenceAddress = new Address { Line1 = "5 avenue du Port", PostalCode = "45100", City = "Orléans" };
        var nurseCard = build.Card(nurse, hospital, CardType.Cps);

        var doctor = build.Person("Paul", "Martin", "810002813844", "Médecin");
        practice.LegalRepresentative = doctor;
        build.Card(doctor, practice, CardType.Cps);
        var secretary = build.Person("Nina", "Secretaire", profession: "Secrétaire");
        var secretaryCard = build.Card(secretary, practice, CardType.Cpe);

        var clinicHead = build.Person("Bruno", "Directeur");
        clinic.LegalRepresentative = clinicHead;
        var clinicCard = build.Card(build.Person("Claire", "Employee"), clinic, CardType.Cpe);
        await db.SaveChangesAsync();

        db.Users.AddRange(
            new AppUser { Id = HeadUser, UserName = "directrice@test", Email = "directrice@test", DisplayName = "Hélène Directrice", PersonId = head.Id },
            new AppUser { Id = MandataryUser, UserName = "mandataire@test", Email = "mandataire@test", DisplayName = "Marc Mandataire", PersonId = mandatary.Id },
            new AppUser { Id = CandidateUser, UserName = "candidate@test", Email = "candidate@test", DisplayName = "Jeanne Candidate", PersonId = candidate.Id },
            new AppUser { Id = AgentUser, UserName = "agent@test", Email = "agent@test", DisplayName = "Camille Martin" });
        await db.SaveChangesAsync();

        (Hospital, Practice, Clinic) = (hospital.Id, practice.Id, clinic.Id);
        (Head, Mandatary, Employee, Candidate, NoCardPerson, Nurse, Doctor, Secretary, ClinicHead) =
            (head.Id, mandatary.Id, employee.Id, candidate.Id, noCard.Id, nurse.Id, doctor.Id, secretary.Id, clinicHead.Id);
        (EmployeeCard, EmployeeCardSerial, NurseCard, SecretaryCard, ClinicCard) = (employeeCard.Id, employeeCard.SerialNumber, nurseCard.Id, secretaryCard.Id, clinicCard.Id);
    }

    /// <summary>The scope the application computes for a signed-in portal user.</summary>
    public Task<AccessScope> ScopeAsync(Guid userId, string role) => Scopes.ForAsync(TestPrincipals.User(userId, role));

    public Task<AccessScope> HeadScopeAsync() => ScopeAsync(HeadUser, Roles.StructureManager);

    /// <summary>A ticket holding a received mail with a scan of an identity document; returns both ids.</summary>
    public async Task<(Guid TicketId, Guid AttachmentId)> MailWithIdScanAsync(string subject = "Perte de carte")
    {
        await using var db = Database.CreateContext(Clock);
        var ticket = new Ticket
        {
            Number = $"CPS-2026-{Random.Shared.Next(1, 999_999):D6}", Subject = subject, Channel = TicketChannel.Mail, State = TicketState.New,
            LastActivityAt = Clock.GetUtcNow(), StructureId = Hospital,
        };
        var content = Encoding.ASCII.GetBytes("%PDF-1.4 carte d'identité " + Guid.NewGuid());
        var hash = await FileStore.AddAsync(db, content, Clock.GetUtcNow(), CancellationToken.None);
        var attachment = new Attachment { FileName = "cni.pdf", ContentType = "application/pdf", Size = content.Length, Sha256 = hash, CreatedAt = Clock.GetUtcNow() };
        ticket.Messages.Add(new TicketMessage { Kind = TicketMessageKind.IncomingMail, Body = "Veuillez trouver ci-joint le formulaire 501.", CreatedAt = Clock.GetUtcNow(), Attachments = [attachment] });
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync();
        return (ticket.Id, attachment.Id);
    }

    /// <summary>Sets a card's status, expected dates and a "Shipped" event, as production would have.</summary>
    public async Task ShipAsync(Guid cardId, DateTimeOffset shippedAt, DateOnly expectedOn, CardStatus status = CardStatus.Shipped)
    {
        await using var db = Database.CreateContext(Clock);
        var card = await db.Cards.SingleAsync(c => c.Id == cardId);
        card.Status = status;
        card.ExpectedOn = expectedOn;
        card.CodesExpectedOn = BusinessCalendar.Default.AddBusinessDays(expectedOn, 1);
        card.Events.Add(new CardEvent { At = shippedAt.ToUniversalTime(), Status = CardStatus.Shipped, Actor = "Production", Reason = "Expédiée" });
        await db.SaveChangesAsync();
    }

    public async Task<Card> CardAsync(Guid id)
    {
        await using var db = Database.CreateContext(Clock);
        return await db.Cards.AsNoTracking().Include(c => c.Events).Include(c => c.Certificates).SingleAsync(c => c.Id == id);
    }

    public async Task<T> ReadAsync<T>(Func<CpsDbContext, Task<T>> read)
    {
        await using var db = Database.CreateContext(Clock);
        return await read(db);
    }

    public Task<IncidentOutcome> DeclareAsync(IncidentKind kind, RequestChannel channel = RequestChannel.Tom, RequesterCapacity capacity = RequesterCapacity.StructureHead,
        Guid? declarant = null, Guid? cardId = null, AccessScope? scope = null, bool unblockCode = false, Guid? idDocument = null, Guid? ticketId = null,
        bool declineReplacement = false, RevocationGround? ground = null, DateOnly? radiatedOn = null, string? declarantName = null, string? comment = null) =>
        Incidents.DeclareAsync(scope ?? Desk, new NewIncident(cardId ?? EmployeeCard, kind, channel, capacity,
            declarant ?? (capacity == RequesterCapacity.StructureHead ? Head : null), declarantName, idDocument, unblockCode, declineReplacement, ground, radiatedOn,
            comment, ticketId));

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    /// <summary>Contexts as the application builds them (audit interceptor), plus the test's own interceptors.</summary>
    private sealed class InterceptingFactory(TestDatabase database, TimeProvider clock, ICurrentActor actor, IInterceptor[] extra) : IDbContextFactory<CpsDbContext>
    {
        public CpsDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<CpsDbContext>();
            DataServiceCollectionExtensions.ConfigureNpgsql(options, database.ConnectionString);
            options.AddInterceptors([new AuditInterceptor(clock, actor), .. extra]);
            return new CpsDbContext(options.Options);
        }
    }
}
