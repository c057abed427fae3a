using CpsSupport.Data;
using CpsSupport.Features.Cards;
using CpsSupport.Features.People;
using CpsSupport.Features.Structures;
using CpsSupport.Tests.TestUtilities;

namespace CpsSupport.Web.Tests.EndToEnd;

/// <summary>
/// The small registry the browser tests read: structure A (head and mandatary have accounts) with three cards,
/// structure B with enough cards to need a second grid page.
/// </summary>
public sealed record SeededRegistry(
    Guid StructureA, Guid StructureB, Guid ManagerPersonA, Guid MandataryPersonA,
    Guid ActiveCardA, Guid CardB, Guid HolderPersonA, int CardsOfA, int CardsOfB)
{
    public const string StructureAName = "Centre hospitalier de Valence";
    public const string StructureBName = "Clinique du Parc";
    /// <summary>Active CPS of Alice Bernard (structure A), with an ordered → shipped → codes → active history.</summary>
    public const string ActiveSerialA = "2500000101";
    public const string OpposedSerialA = "2500000102";
    public const string SerialB = "2500000201";
    public const string HolderA = "Alice BERNARD";
    /// <summary>Alice Bernard's national id (8 + RPPS with a valid Luhn key): what a caller reads out on the phone.</summary>
    public const string HolderRppsA = "810001234565";

    public int TotalCards => CardsOfA + CardsOfB;

    public static async Task<SeededRegistry> CreateAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var build = new RegistryBuilder(db);

        var a = build.Structure(StructureAName, StructureKind.HealthEstablishment, finess: "260000021", siret: "26260002100012");
        a.DeliveryAddress = new Address { Line1 = "179 boulevard du Maréchal Juin", PostalCode = "26000", City = "Valence" };
        a.CorrespondenceAddress = new Address { Line1 = "179 boulevard du Maréchal Juin", PostalCode = "26000", City = "Valence" };
        var b = build.Structure(StructureBName, StructureKind.HealthEstablishment, finess: "690000047");
        b.DeliveryAddress = new Address { Line1 = "12 rue du Parc", PostalCode = "69006", City = "Lyon" };

        var head = build.Person("Hélène", "Dubois", profession: "Directrice");
        a.LegalRepresentative = head;
        b.LegalRepresentative = build.Person("Bruno", "Garnier", profession: "Directeur");
        var mandatary = build.Person("Marc", "Petit", profession: "Responsable informatique");
        build.Mandate(a, mandatary, new DateOnly(2025, 1, 1));

        var alice = build.Person("Alice", "Bernard", HolderRppsA, "Infirmière");
        var active = build.Card(alice, a, CardType.Cps, CardStatus.Active, ActiveSerialA);
        AddHistory(active, (CardStatus.Ordered, "2024-12-02"), (CardStatus.Shipped, "2024-12-16"),
            (CardStatus.CodesSent, "2024-12-17"), (CardStatus.Active, "2025-01-06"));
        var opposed = build.Card(build.Person("Julien", "Roux", profession: "Secrétaire médical"), a, CardType.Cpe, CardStatus.Opposed, OpposedSerialA);
        opposed.OpposedAt = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
        opposed.OppositionReason = "Perte déclarée par le titulaire";
        AddHistory(opposed, (CardStatus.Active, "2025-02-03"), (CardStatus.Opposed, "2026-03-02"));
        build.Card(head, a, CardType.Cde, CardStatus.Active, "2500000103");

        var chloe = build.Person("Chloé", "Moreau", "810009876540", "Médecin");
        var cardB = build.Card(chloe, b, CardType.Cps, CardStatus.Active, SerialB);
        AddHistory(cardB, (CardStatus.Active, "2025-03-10"));
        // Just ordered: first in the lifecycle order of statuses, though "Ordered" comes late in the alphabet.
        build.Card(build.Person("Yanis", "Girard", profession: "Interne"), b, CardType.Cpf, CardStatus.Ordered, "2500000202");
        // 31 cards in B: two grid pages of 25 for the desk.
        for (var i = 0; i < 29; i++)
        {
            var holder = build.Person(FirstNames[i % FirstNames.Length], $"{LastNames[i % LastNames.Length]}", profession: "Agent administratif");
            build.Card(holder, b, CardType.Cpe, i % 7 == 0 ? CardStatus.Blocked : CardStatus.Active, $"25000003{i:D2}");
        }
        await build.SaveAsync();

        return new SeededRegistry(a.Id, b.Id, head.Id, mandatary.Id, active.Id, cardB.Id, alice.Id, CardsOfA: 3, CardsOfB: 31);
    }

    private static void AddHistory(Card card, params (CardStatus Status, string Day)[] steps)
    {
        foreach (var (status, day) in steps)
        {
            card.Events.Add(new CardEvent
            {
                At = new DateTimeOffset(DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture).AddHours(9), TimeSpan.Zero),
                Status = status,
                Actor = "Registre ANS",
                Reason = status == CardStatus.Opposed ? card.OppositionReason : null,
            });
        }
    }

    private static readonly string[] FirstNames = ["Lucas", "Emma", "Hugo", "Léa", "Louis", "Manon", "Nathan", "Camille", "Théo", "Inès"];
    private static readonly string[] LastNames = ["Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure", "André", "Mercier", "Blanc", "Guérin"];
}
