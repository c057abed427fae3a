using CpsSupport.Features.Cards;
using CpsSupport.Features.People;
using CpsSupport.Features.Structures;

namespace CpsSupport.Features.Demo;

/// <summary>
/// The registry side of the card-reading module's simulated cards (src/CpsSupport.CardReader, Simulation/SimulatedCards):
/// same serials and holders as their certificates, each card in the registry status its verdict needs, so that every
/// simulated card shows the reason it is there for instead of "Carte inconnue du registre". They are test cards (F414)
/// of the Centre hospitalier de Test-sur-Loire, apart from the "production" one, a real CPS presented to a test server.
/// </summary>
public static class DemoSimulatedCards
{
    /// <summary>The simulator's "valide" card: the one of the demo ticket.</summary>
    public const string ValidSerial = "9000000001";

    public const string TicketSubject = "Carte refusée par le logiciel de la pharmacie (à vérifier au lecteur)";

    /// <param name="Key">The simulator's key of the card (valide, opposee…).</param>
    public sealed record Entry(string Key, string Serial, string FirstName, string LastName, string? NationalId, string Profession, CardType Type, CardStatus Status);

    public static IReadOnlyList<Entry> Entries { get; } =
    [
        new("valide", ValidSerial, "CAROLE", "PHARMACH0007512", "899700075122", "Pharmacien", CardType.Test, CardStatus.Active),
        new("opposee", "9000000002", "PAUL", "EMPLOYE0000018", null, "Secrétaire médicale", CardType.Test, CardStatus.Opposed),
        new("expiree", "9000000003", "JEAN", "MEDECIN0010001", "899700100011", "Médecin", CardType.Test, CardStatus.Expired),
        new("autre-ac", "9000000004", "LUC", "INFIRMIER0010002", "899700100029", "Infirmier", CardType.Test, CardStatus.Active),
        new("autre-personne", "9000000005", "ALICE", "SAGEFEMME0010003", "899700100037", "Sage-femme", CardType.Test, CardStatus.Active),
        // A real card: a production one, which a test server refuses.
        new("production", "9000000006", "MARC", "DENTISTE0010004", "899700100045", "Chirurgien-dentiste", CardType.Cps, CardStatus.Active),
        new("bloquee", "9000000007", "EMMA", "KINE0010005", "899700100052", "Masseur-kinésithérapeute", CardType.Test, CardStatus.Blocked),
    ];

    internal const string OrderReason = "Carte de test du lecteur simulé (démonstration de la vérification de carte)";

    /// <summary>The holders and their cards, with a history that ends in each entry's status and fits today.</summary>
    internal static (List<Person> People, List<Card> Cards) Build(Random rng, DemoCalendar calendar, Structure hospital, string orderActor)
    {
        var history = new DemoCardHistory(rng, calendar);
        var people = new List<Person>();
        var cards = new List<Card>();
        foreach (var entry in Entries)
        {
            var person = new Person
            {
                FirstName = entry.FirstName,
                LastName = entry.LastName,
                Profession = entry.Profession,
                NationalIdKind = entry.NationalId is null ? NationalIdKind.None : NationalIdKind.Rpps,
                NationalId = entry.NationalId,
                CorrespondenceAddress = new Address
                {
                    Line1 = hospital.DeliveryAddress.Line1, Line2 = hospital.DeliveryAddress.Line2, PostalCode = hospital.DeliveryAddress.PostalCode,
                    City = hospital.DeliveryAddress.City, Country = hospital.DeliveryAddress.Country,
                },
            };
            people.Add(person);
            // Expired: the certificate ended ten days ago, and so did the card; the others are a year or so old.
            var orderedOn = entry.Status == CardStatus.Expired
                ? DemoCalendar.OnOrBefore(calendar.Today.AddDays(-12).AddYears(-3))
                : DemoCalendar.OnOrBefore(rng.Day(calendar.Today.AddMonths(-18), calendar.Today.AddMonths(-10)));
            var card = history.Create(new DemoCardOrder(person, hospital, entry.Type, orderedOn, orderActor, OrderReason, entry.Status,
                EndActor: entry.Status == CardStatus.Opposed ? "Support cartes ANS (formulaire F501)" : null,
                EndReason: entry.Status == CardStatus.Opposed ? "Départ de l'établissement : carte mise en opposition" : null));
            card.SerialNumber = entry.Serial;
            cards.Add(card);
        }
        return (people, cards);
    }
}
