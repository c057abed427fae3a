using System.Globalization;
using CpsSupport.Data;
using CpsSupport.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Cards;

/// <summary>
/// The changes a workflow makes to the card registry — opposition, new card, flag — each with its card event, inside
/// the caller's transaction. Incidents (F501), address changes (F504) and orders (F101…) share them.
/// </summary>
internal static class CardLifecycle
{
    public const string SerialSequenceName = "card_serial_seq";

    /// <summary>
    /// Opposes the card: status, date and reason, every certificate revoked (they go to the revocation list and leave
    /// the directory), and the event on its history.
    /// </summary>
    public static int Oppose(Card card, string reason, Guid? requestId, DateTimeOffset now, ICurrentActor actor)
    {
        card.Status = CardStatus.Opposed;
        card.OpposedAt = now;
        card.OppositionReason = reason;
        card.OppositionRequestId = requestId;
        var revoked = 0;
        foreach (var certificate in card.Certificates.Where(c => c.RevokedAt is null))
        {
            certificate.RevokedAt = now;
            certificate.RevocationReason = reason;
            revoked++;
        }
        AddEvent(card, CardStatus.Opposed, now, actor, $"Mise en opposition : {reason}" + (revoked > 0 ? $" ({revoked} certificat(s) révoqué(s))" : ""));
        return revoked;
    }

    /// <summary>
    /// Orders a new card of the same type for the same holder and structure, "Commandée", expected 10 business days after
    /// the complete file and its codes one business day later (seeds/001).
    /// </summary>
    public static async Task<Card> OrderReplacementAsync(CpsDbContext db, Card old, Guid requestId, string why, DateOnly completeFileReceivedOn,
        BusinessCalendar calendar, DateTimeOffset now, ICurrentActor actor, CancellationToken ct)
    {
        var expected = CardDelays.CardExpectedOn(completeFileReceivedOn, calendar);
        var card = new Card
        {
            SerialNumber = await NextSerialAsync(db, now, ct),
            Type = old.Type,
            HolderId = old.HolderId,
            StructureId = old.StructureId,
            Status = CardStatus.Ordered,
            ReplacesCardId = old.Id,
            OrderedByRequestId = requestId,
            ExpectedOn = expected,
            CodesExpectedOn = CardDelays.CodesExpectedOn(expected, calendar),
        };
        AddEvent(card, CardStatus.Ordered, now, actor,
            $"Commandée en remplacement de la carte {old.SerialNumber} ({why}) : carte attendue le {Day(card.ExpectedOn)}, codes le {Day(card.CodesExpectedOn)}");
        db.Cards.Add(card);
        return card;
    }

    /// <summary>Moves the card to <paramref name="status"/> with its event (production steps of an order).</summary>
    public static void MoveTo(Card card, CardStatus status, DateTimeOffset now, ICurrentActor actor, string reason)
    {
        card.Status = status;
        AddEvent(card, status, now, actor, reason);
    }

    /// <summary>A card event that does not change the status (letter sent, return awaited, shipment flagged).</summary>
    public static void Note(Card card, DateTimeOffset now, ICurrentActor actor, string reason) => AddEvent(card, card.Status, now, actor, reason);

    /// <summary>The next card serial: two-digit year of the order, then eight digits from a PostgreSQL sequence.</summary>
    public static async Task<string> NextSerialAsync(CpsDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var value = await db.Database.SqlQueryRaw<long>($"SELECT nextval('{SerialSequenceName}') AS \"Value\"").SingleAsync(ct);
        return (ParisClock.DateOf(now).Year % 100).ToString("D2", CultureInfo.InvariantCulture) + value.ToString("D8", CultureInfo.InvariantCulture);
    }

    public static string Day(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "(date inconnue)";

    private static void AddEvent(Card card, CardStatus status, DateTimeOffset now, ICurrentActor actor, string reason) =>
        card.Events.Add(new CardEvent { At = now, Status = status, Actor = actor.Name, Reason = Truncate(reason, 500) });

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
