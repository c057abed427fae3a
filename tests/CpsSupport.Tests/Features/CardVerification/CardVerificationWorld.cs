using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CpsSupport.Features.Access;
using CpsSupport.Features.Calendar;
using CpsSupport.Features.Cards;
using CpsSupport.Features.CardVerification;
using CpsSupport.Features.People;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CpsSupport.Tests.Features.CardVerification;

/// <summary>
/// A test database with an agent, a holder with a card and a ticket about them, trust anchors in temp PEM files, and
/// the verification service on a fake clock. Readings are built here from certificates, or read from SoftHSM2 tokens
/// by the module tests.
/// </summary>
public sealed class CardVerificationWorld : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cps-verify-").FullName;

    private CardVerificationWorld(TestDatabase database)
    {
        Database = database;
        Factory = new TestDbContextFactory(database, Clock);
        Agent = new TestActor(AgentId, "Camille Martin");
    }

    public TestDatabase Database { get; }
    public MutableClock Clock { get; } = new(TestPki.Epoch);
    public TestDbContextFactory Factory { get; }
    public Guid AgentId { get; } = Guid.NewGuid();
    public TestActor Agent { get; }
    public AccessScope Desk => new(AgentId, true, false, new HashSet<Guid>());

    public static async Task<CardVerificationWorld> CreateAsync()
    {
        var world = new CardVerificationWorld(await TestPostgres.CreateDatabaseAsync());
        await using var db = world.Database.CreateContext(world.Clock);
        db.Users.Add(new CpsSupport.Features.Accounts.AppUser { Id = world.AgentId, UserName = "agent@test", Email = "agent@test", DisplayName = "Camille Martin" });
        await db.SaveChangesAsync();
        return world;
    }

    /// <summary>The service trusting <paramref name="anchors"/> in <paramref name="environment"/>, with optional CRL files.</summary>
    public CardVerificationService Service(IgcSanteEnvironment environment, IEnumerable<TestPki> anchors, IEnumerable<byte[]>? crls = null, TestActor? actor = null)
    {
        var options = new CardVerificationOptions
        {
            Environment = environment,
            TrustAnchorFiles = anchors.Select(a => a.WritePem(_directory)).ToList(),
            CrlFiles = (crls ?? []).Select(WriteFile).ToList(),
        };
        return new CardVerificationService(Factory, Clock, actor ?? Agent, Options.Create(options), new CardTrustStore(Options.Create(options)));
    }

    /// <summary>The service trusting the authority in <paramref name="anchorPem"/> (e.g. the simulator's).</summary>
    public CardVerificationService Service(IgcSanteEnvironment environment, string anchorPem)
    {
        var file = Path.Combine(_directory, $"{Guid.NewGuid():N}.pem");
        File.WriteAllText(file, anchorPem);
        var options = new CardVerificationOptions { Environment = environment, TrustAnchorFiles = [file] };
        return new CardVerificationService(Factory, Clock, Agent, Options.Create(options), new CardTrustStore(Options.Create(options)));
    }

    public async Task<Person> PersonAsync(string firstName, string lastName, string? nationalId, string? profession = null)
    {
        await using var db = Database.CreateContext(Clock);
        var person = new RegistryBuilder(db).Person(firstName, lastName, nationalId, profession);
        await db.SaveChangesAsync();
        return person;
    }

    public async Task<Card> CardAsync(Person holder, string serial, CardStatus status = CardStatus.Active, CardType type = CardType.Test, string? oppositionReason = null)
    {
        await using var db = Database.CreateContext(Clock);
        db.Attach(holder);
        var card = new RegistryBuilder(db).Card(holder, null, type, status, serial);
        if (status == CardStatus.Opposed)
        {
            card.OpposedAt = Clock.Now.AddDays(-2);
            card.OppositionReason = oppositionReason ?? "perte";
        }
        await db.SaveChangesAsync();
        return card;
    }

    /// <summary>A ticket about <paramref name="person"/> and <paramref name="cards"/>.</summary>
    public async Task<Guid> TicketAsync(Person? person, params Card[] cards)
    {
        var tickets = new TicketService(Factory, Clock, Agent, new TicketSla(BusinessCalendar.Default));
        var created = await tickets.CreateAsync(Desk, new NewTicket("Ma carte ne fonctionne pas", TicketChannel.Phone, TicketCategory.Other,
            PersonId: person?.Id, CardIds: cards.Select(c => c.Id).ToList()));
        return created.Id;
    }

    public async Task<List<TicketEvent>> VerificationEventsAsync(Guid ticketId)
    {
        await using var db = Database.CreateContext(Clock);
        return await db.TicketEvents.Where(e => e.TicketId == ticketId && e.Kind == TicketEventKind.Verification).ToListAsync();
    }

    /// <summary>A reading as the module would hand it for <paramref name="certificate"/> on a token of <paramref name="tokenSerial"/>.</summary>
    public static CardReading Reading(X509Certificate2 certificate, string tokenSerial, CardTokenFlags? flags = null, X509Certificate2? authority = null,
        bool simulated = false, CardChallengeSignature? challenge = null)
    {
        var certificates = new List<CardReadingCertificate> { new("01", "Certificat d'authentification", Convert.ToBase64String(certificate.RawData)) };
        if (authority is not null) certificates.Add(new("0A", "AC", Convert.ToBase64String(authority.RawData)));
        return new CardReading(new CardToken("CPS test", tokenSerial, flags ?? new CardTokenFlags()), certificates, Simulated: simulated, Challenge: challenge);
    }

    /// <summary>What the card does after a right PIN: SHA-256 with RSA PKCS#1 v1.5 over the challenge bytes.</summary>
    public static CardChallengeSignature Sign(X509Certificate2 certificate, IssuedChallenge challenge)
    {
        using var rsa = certificate.GetRSAPrivateKey()!;
        var signature = rsa.SignData(Convert.FromBase64String(challenge.Challenge), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return new CardChallengeSignature(challenge.Id, Convert.ToBase64String(signature));
    }

    private string WriteFile(byte[] content)
    {
        var file = Path.Combine(_directory, $"{Guid.NewGuid():N}.crl");
        File.WriteAllBytes(file, content);
        return file;
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
