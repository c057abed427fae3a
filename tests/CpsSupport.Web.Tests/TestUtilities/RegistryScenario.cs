using CpsSupport.Features.Accounts;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Identifiers;
using CpsSupport.Tests.TestUtilities;

namespace CpsSupport.Web.Tests.TestUtilities;

/// <summary>
/// The shared world of the web tests: structures A and B with people and cards, the legal representative of A
/// (structure manager), a mandatary of A whose mandate on B has ended, an agent and a supervisor, each with an
/// account and a session token.
/// </summary>
public class RegistryScenario : CpsWebApplicationFactory
{
    public const string ManagerEmail = "directrice.a@example.test";
    public const string MandataryEmail = "mandataire.a@example.test";
    public const string AgentEmail = "agent@example.test";
    public const string SupervisorEmail = "superviseur@example.test";

    public StructureFacts A { get; private set; } = null!;
    public StructureFacts B { get; private set; } = null!;
    public Guid ManagerUserId { get; private set; }
    public Guid MandataryUserId { get; private set; }

    private readonly Dictionary<string, string> _tokens = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        await using var db = Database.CreateContext(Clock);
        var build = new RegistryBuilder(db);

        var a = build.Structure("Centre hospitalier Alpha", finess: Finess.Create(1_000_002), siret: Siret.Create(Siren.Create(35_600_001), 1));
        a.Siren = a.Siret![..9];
        var b = build.Structure("Clinique Bêta", finess: Finess.Create(1_000_003), siret: Siret.Create(Siren.Create(73_282_932), 7));
        b.Siren = b.Siret![..9];
        var headA = build.Person("Hélène", "Directrice", NationalId.FromRpps(Rpps.Create(1_000_000_001)).Value, "Directrice");
        var headB = build.Person("Bruno", "Directeur", NationalId.FromRpps(Rpps.Create(1_000_000_002)).Value, "Directeur");
        a.LegalRepresentative = headA;
        b.LegalRepresentative = headB;
        var mandatary = build.Person("Marc", "Mandataire");
        build.Mandate(a, mandatary, today.AddDays(-30));
        build.Mandate(b, mandatary, today.AddYears(-1), today.AddDays(-1));
        var holderA = build.Person("Alice", "Infirmiere", NationalId.FromRpps(Rpps.Create(2_000_000_001)).Value, "Infirmier");
        var holderB = build.Person("Benoit", "Kine", NationalId.FromAdeli(Adeli.Create(20_000_002)).Value, "Masseur-kinésithérapeute");
        var cardA = build.Card(holderA, a, CardType.Cps, serial: "8100000001");
        var cardB = build.Card(holderB, b, CardType.Cps, serial: "8200000002");
        await build.SaveAsync();

        A = new StructureFacts(a.Id, a.Name, a.Finess!, a.Siret!, a.Siren!, headA.Id, holderA.Id, holderA.NationalId!, cardA.Id, cardA.SerialNumber);
        B = new StructureFacts(b.Id, b.Name, b.Finess!, b.Siret!, b.Siren!, headB.Id, holderB.Id, holderB.NationalId!, cardB.Id, cardB.SerialNumber);

        ManagerUserId = (await CreateUserAsync(ManagerEmail, headA.Id, Roles.StructureManager)).Id;
        MandataryUserId = (await CreateUserAsync(MandataryEmail, mandatary.Id, Roles.Mandatary)).Id;
        await CreateUserAsync(AgentEmail, null, Roles.Agent);
        await CreateUserAsync(SupervisorEmail, null, Roles.Supervisor);
        foreach (var email in new[] { ManagerEmail, MandataryEmail, AgentEmail, SupervisorEmail })
            _tokens[email] = await GetTokenAsync(email);
    }

    /// <summary>A bearer client with the scenario user's session token (obtained once per run).</summary>
    public HttpClient ApiClientFor(string email) => CreateBearerClient(_tokens[email]);
}

/// <summary>What the tests need to know of a structure of the scenario: its identifiers, head, one holder and their card.</summary>
public sealed record StructureFacts(
    Guid Id, string Name, string Finess, string Siret, string Siren,
    Guid LegalRepresentativeId, Guid HolderId, string HolderNationalId, Guid CardId, string CardSerial);

[CollectionDefinition(Name)]
public sealed class RegistryCollection : ICollectionFixture<RegistryScenario>
{
    public const string Name = "Registry scenario";
}
