using System.Text;
using System.Text.Json;
using CpsSupport.CardReader.Simulation;
using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Cards;
using CpsSupport.Features.CardVerification;
using CpsSupport.Features.Demo;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.Features.Demo;
using CpsSupport.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Server = CpsSupport.Features.CardVerification;

namespace CpsSupport.CardReader.Tests.Simulation;

/// <summary>
/// The demo as a person runs it: the demo seeder's registry and ticket, the simulated reader, the verification on the
/// demo ticket. Each simulated card is found in the registry and shows the verdict it is there for.
/// </summary>
public sealed class SimulatedCardsOnDemoRegistryTests(SimulatedCardsOnDemoRegistryTests.Demo demo) : IClassFixture<SimulatedCardsOnDemoRegistryTests.Demo>
{
    /// <summary>The demo seeded once for the class, with the simulator's cards and its authority as the trust anchor.</summary>
    public sealed class Demo : IAsyncLifetime
    {
        // The simulator issues its certificates around the real now: the demo is seeded and verified at that moment too.
        public MutableClock Clock { get; } = new(DateTimeOffset.UtcNow);
        public SimulatedCards Cards { get; } = new(TimeProvider.System);
        public TestDatabase Database { get; private set; } = null!;
        public Guid TicketId { get; private set; }
        public string Anchor { get; } = Path.Combine(Path.GetTempPath(), $"cps-simulator-ca-{Guid.NewGuid():N}.pem");

        public async Task InitializeAsync()
        {
            Database = await TestPostgres.CreateDatabaseAsync();
            await using (var services = TestServices.WithIdentity(Database, Clock))
                await SeededDemoDatabase.SeedAsync(services);
            await using var db = Database.CreateContext(Clock);
            TicketId = await db.Tickets.Where(t => t.Subject == DemoSimulatedCards.TicketSubject).Select(t => t.Id).SingleAsync();
            await File.WriteAllTextAsync(Anchor, Cards.TestAuthority.ExportCertificatePem());
        }

        public async Task DisposeAsync()
        {
            File.Delete(Anchor);
            await Database.DisposeAsync();
        }
    }

    private SimulatedCards Cards => demo.Cards;

    [Fact]
    public void Demo_entries_match_the_simulated_cards_serial_and_holder()
    {
        Assert.Equal(Cards.Cards.Select(c => (c.Key, c.SerialNumber)), DemoSimulatedCards.Entries.Select(e => (e.Key, e.Serial)));
        foreach (var (card, entry) in Cards.Cards.Zip(DemoSimulatedCards.Entries))
        {
            var subject = CardSubject.Parse(card.Certificate.SubjectName);
            Assert.Equal((subject.NationalId?.Value, subject.FirstName, subject.LastName), (entry.NationalId, entry.FirstName, entry.LastName));
            if (entry.Status == CardStatus.Active) Assert.StartsWith("active, ", card.RegistryHint, StringComparison.Ordinal);
            else Assert.Contains($"({entry.Status})", card.RegistryHint, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("valide", null, "Carte de test n° 9000000001 active au registre.")]
    [InlineData("opposee", VerdictCheck.Revocation, "Carte de test n° 9000000002 en opposition au registre.")]
    [InlineData("expiree", VerdictCheck.Validity, "Carte de test n° 9000000003 expirée au registre.")]
    [InlineData("autre-ac", VerdictCheck.Chain, "Carte de test n° 9000000004 active au registre.")]
    [InlineData("autre-personne", VerdictCheck.Person, "Carte de test n° 9000000005 active au registre.")]
    [InlineData("production", VerdictCheck.Environment, "Carte CPS n° 9000000006 active au registre.")]
    [InlineData("bloquee", VerdictCheck.Pin, "Carte de test n° 9000000007 bloquée au registre.")]
    public async Task Simulated_card_on_the_demo_ticket_gets_its_verdict_from_the_demo_registry(string key, VerdictCheck? failing, string registry)
    {
        var reader = new SimulatedCardReader(Cards);
        reader.Insert(key);
        var agent = new TestActor(Guid.NewGuid(), "Agent de démonstration");
        var options = Options.Create(new CardVerificationOptions { Environment = IgcSanteEnvironment.Test, TrustAnchorFiles = [demo.Anchor] });
        var service = new CardVerificationService(new TestDbContextFactory(demo.Database, demo.Clock), demo.Clock, agent, options, new CardTrustStore(options));
        var desk = new AccessScope(agent.UserId, IsDesk: true, IsSupervisor: false, new HashSet<Guid>());

        var reading = JsonSerializer.Deserialize<Server.CardReading>(JsonSerializer.Serialize(await reader.ReadCardAsync(null, default), JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;
        if (key != "bloquee")
        {
            var challenge = await service.IssueChallengeAsync(desk);
            var signed = await reader.SignAsync(null, Convert.FromBase64String(challenge.Challenge), Encoding.ASCII.GetBytes(SimulatedCards.Pin), default);
            reading = reading with { Challenge = new CardChallengeSignature(challenge.Id, signed.Signature, signed.CertificateId) };
        }
        await using var db = demo.Database.CreateContext(demo.Clock);
        var eventsBefore = await VerificationEventsAsync(db);
        var verdict = await service.VerifyAsync(reading, new CardVerificationContext(desk, TicketId: demo.TicketId));

        var reasons = string.Join(" | ", verdict.Reasons.Select(r => $"{r.Severity} {r.Message}"));
        Assert.DoesNotContain("inconnue du registre", reasons, StringComparison.Ordinal);
        Assert.Contains(verdict.Reasons, r => r.Check == VerdictCheck.Registry && r.Message == registry);
        Assert.NotNull(verdict.RegistryCardId);
        if (failing is null)
        {
            Assert.True(verdict.Outcome == VerdictOutcome.Valid, reasons);
            Assert.True(verdict.PossessionProven);
        }
        else
        {
            Assert.True(verdict.Failures.Any(r => r.Check == failing), reasons);
        }
        Assert.Equal(eventsBefore + 1, await VerificationEventsAsync(db));
    }

    private Task<int> VerificationEventsAsync(CpsDbContext db) =>
        db.TicketEvents.CountAsync(e => e.TicketId == demo.TicketId && e.Kind == TicketEventKind.Verification);
}
