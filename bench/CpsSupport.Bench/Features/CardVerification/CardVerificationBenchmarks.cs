using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CpsSupport.Bench.Data;
using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Cards;
using CpsSupport.Features.CardVerification;
using CpsSupport.Features.People;
using CpsSupport.Features.Tickets;
using CpsSupport.Web.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;


namespace CpsSupport.Bench.Features.CardVerification;

/// <summary>
/// "From click to verdict" of issue #8: what the verification panel does after "Vérifier la carte", minus the browser.
/// The real module process reads a SoftHSM2 token over PKCS#11 and answers <c>GET /card</c> on loopback HTTP with the
/// pairing token; the reading, deserialised as the page hands it over, goes to <see cref="CardVerificationService"/>
/// (chain to the test authority, dates, registry lookup and opposition in the benchmark's PostgreSQL registry of
/// 300,000 cards, holder and ticket match) and, on a ticket, the verdict is written to the ticket's timeline.
/// The PIN benchmark adds the challenge the server issues and the token's RSA 2048 signature (<c>POST /sign</c>).
/// </summary>
[MemoryDiagnoser]
public class CardVerificationBenchmarks
{
    private static readonly AccessScope Desk = new(Guid.Empty, IsDesk: true, IsSupervisor: false, new HashSet<Guid>());
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;
    // One token per process: SoftHSM2 is initialised once with the configuration of the first C_Initialize.
    private static readonly Lazy<BenchSoftHsm> Hsm = new(BenchSoftHsm.Create);

    private ServiceProvider? _provider;
    private CardReaderModuleProcess? _module;
    private HttpClient? _reader;
    private Guid _personId;
    private Guid _cardId;
    private Guid _ticketId;
    private bool _createdPerson;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var hsm = Hsm.Value;
        var anchor = Path.Combine(hsm.Directory, "test-authority.pem");
        await File.WriteAllTextAsync(anchor, hsm.Authority.ExportCertificatePem());
        var services = new ServiceCollection().AddCpsSupport(BenchDatabase.CurrentConnectionString);
        services.Configure<CardVerificationOptions>(o =>
        {
            o.Environment = IgcSanteEnvironment.Test;
            o.TrustAnchorFiles = [anchor];
        });
        _provider = services.BuildServiceProvider();
        await ArrangeRegistryAsync(hsm);
        // The real module process reads the SoftHSM2 token through PKCS#11 (not the simulator).
        _module = await CardReaderModuleProcess.StartAsync(
            new Uri("http://127.0.0.1:5080"),
            ["--CardReader:UseSimulator=false", $"--CardReader:Pkcs11LibraryPath={BenchSoftHsm.LibraryPath}"],
            new Dictionary<string, string> { ["SOFTHSM2_CONF"] = hsm.ConfigFile });
        _reader = _module.CreateClient();

        // The page is open and the module answered its status before the agent clicks.
        (await _reader.GetAsync("/status")).EnsureSuccessStatusCode();
        var verdict = await ClickToVerdictOnTicket();
        if (verdict.Outcome != VerdictOutcome.ValidWithWarnings || verdict.RegistryCardId != _cardId)
            throw new InvalidOperationException($"Unexpected verdict before measuring: {verdict.Summary}: {string.Join(" | ", verdict.Reasons.Select(r => r.Message))}");
        var proven = await PinProofOnTicket();
        if (proven.Outcome != VerdictOutcome.Valid || !proven.PossessionProven)
            throw new InvalidOperationException($"Unexpected PIN verdict before measuring: {proven.Summary}: {string.Join(" | ", proven.Reasons.Select(r => r.Message))}");
    }

    [Benchmark(Description = "Card check, no PIN, on a ticket (GET /card + verify + timeline)")]
    public async Task<Verdict> ClickToVerdictOnTicket()
    {
        var reading = await ReadAsync();
        return await VerifyAsync(reading, new CardVerificationContext(Desk, TicketId: _ticketId));
    }

    [Benchmark(Description = "Card check, no PIN, card page (GET /card + verify)")]
    public async Task<Verdict> ClickToVerdictOnCardPage()
    {
        var reading = await ReadAsync();
        return await VerifyAsync(reading, new CardVerificationContext(Desk, CardId: _cardId));
    }

    [Benchmark(Description = "PIN proof on a ticket (challenge + POST /sign + GET /card + verify + timeline)")]
    public async Task<Verdict> PinProofOnTicket()
    {
        await using var scope = _provider!.CreateAsyncScope();
        var verification = scope.ServiceProvider.GetRequiredService<CardVerificationService>();
        var challenge = await verification.IssueChallengeAsync(Desk);
        using var signResponse = await _reader!.PostAsJsonAsync("/sign", new { challenge = challenge.Challenge, pin = BenchSoftHsm.Pin }, Json);
        signResponse.EnsureSuccessStatusCode();
        var signed = (await signResponse.Content.ReadFromJsonAsync<SignAnswer>(Json))!;
        var reading = await ReadAsync() with { Challenge = new CardChallengeSignature(challenge.Id, signed.Signature, signed.CertificateId) };
        return await verification.VerifyAsync(reading, new CardVerificationContext(Desk, TicketId: _ticketId));
    }

    private sealed record SignAnswer(string Signature, string Mechanism, string CertificateId);

    /// <summary>The module's <c>GET /card</c>, deserialised as the server takes it from the page.</summary>
    private async Task<CardReading> ReadAsync()
    {
        using var response = await _reader!.GetAsync("/card");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CardReading>(Json))!;
    }

    /// <summary>One scope per click, as one Blazor event handler call uses the circuit's scoped service.</summary>
    private async Task<Verdict> VerifyAsync(CardReading reading, CardVerificationContext context)
    {
        await using var scope = _provider!.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CardVerificationService>().VerifyAsync(reading, context);
    }

    /// <summary>The token's holder, her card (serial = token serial) and a ticket about both, in the loaded registry.</summary>
    private async Task ArrangeRegistryAsync(BenchSoftHsm hsm)
    {
        await using var scope = _provider!.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CpsDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var person = await db.People.SingleOrDefaultAsync(p => p.NationalId == BenchSoftHsm.NationalId);
            if (person is null)
            {
                person = new Person
                {
                    FirstName = "CAROLE", LastName = "PHARMACH0007512", NationalIdKind = NationalIdKind.Rpps, NationalId = BenchSoftHsm.NationalId,
                    Profession = "Pharmacien",
                };
                db.People.Add(person);
                _createdPerson = true;
            }
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var card = new Card
            {
                Type = CardType.Test, SerialNumber = hsm.Serial, HolderId = person.Id, Status = CardStatus.Active,
                ValidFrom = today.AddYears(-1), ValidUntil = today.AddYears(2).AddDays(-1),
            };
            db.Cards.Add(card);
            await db.SaveChangesAsync();
            _personId = person.Id;
            _cardId = card.Id;
        }
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var created = await tickets.CreateAsync(Desk, new NewTicket("Carte de test refusée par le logiciel (banc)", TicketChannel.Phone, TicketCategory.Malfunction,
            PersonId: _personId, CardIds: [_cardId]));
        _ticketId = created.Id;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _reader?.Dispose();
        if (_module is not null) await _module.DisposeAsync();
        if (_provider is null) return;
        await using (var scope = _provider.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CpsDbContext>>().CreateDbContextAsync())
        {
            // The registry stays as it was loaded for the other benchmarks.
            await db.Tickets.Where(t => t.Id == _ticketId).ExecuteDeleteAsync();
            await db.Cards.Where(c => c.Id == _cardId).ExecuteDeleteAsync();
            if (_createdPerson) await db.People.Where(p => p.Id == _personId).ExecuteDeleteAsync();
            await db.CardChallenges.ExecuteDeleteAsync();
        }
        await _provider.DisposeAsync();
    }
}
