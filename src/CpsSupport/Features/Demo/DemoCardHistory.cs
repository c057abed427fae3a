using System.Globalization;
using CpsSupport.Features.Cards;

namespace CpsSupport.Features.Demo;

/// <summary>
/// Writes a card and the events of its life as the desk sees them: ordered, in production two business days later,
/// shipped about ten business days after the order, codes sent one business day after the card, first use, then
/// whatever ended it (blocked, opposed, returned, expired). Validity starts at production and lasts three years.
/// </summary>
internal sealed class DemoCardHistory(Random rng, DemoCalendar calendar)
{
    public const string ProductionActor = "ANS – fabrication des cartes";
    public const string ShippingActor = "ANS – expédition des cartes";
    public const int ProductionDelay = 2;
    public const int ShippingDelay = 10;

    private long _serial = 31_000_000;

    /// <summary>Last valid day of a card ordered on <paramref name="orderedOn"/>: three years from production, that day excluded.</summary>
    public static DateOnly ValidUntilOf(DateOnly orderedOn) => ValidFromOf(orderedOn).AddYears(3).AddDays(-1);

    public static DateOnly ValidFromOf(DateOnly orderedOn) => DemoCalendar.AddBusinessDays(orderedOn, ProductionDelay);

    public Card Create(DemoCardOrder order)
    {
        var orderedOn = order.OrderedOn;
        var producedOn = ValidFromOf(orderedOn);
        var shippedOn = DemoCalendar.AddBusinessDays(orderedOn, ShippingDelay);
        var codesOn = DemoCalendar.AddBusinessDays(shippedOn, 1);
        var usedOn = codesOn.AddDays(rng.Next(1, 16));
        var validUntil = ValidUntilOf(orderedOn);

        // The day the normal life ended, and the last normal stage reached before it.
        DateOnly? endOn = order.Status switch
        {
            CardStatus.Blocked or CardStatus.Opposed or CardStatus.Returned =>
                order.EndOn ?? rng.Day(usedOn.AddDays(1), Min(calendar.Today, validUntil)),
            CardStatus.Expired => validUntil.AddDays(1),
            _ => null,
        };
        var lastStage = order.Status <= CardStatus.Active ? order.Status : CardStatus.Active;
        if (!order.Received && lastStage > CardStatus.CodesSent) lastStage = CardStatus.CodesSent;
        bool Reached(CardStatus stage, DateOnly on) => stage <= lastStage && (endOn is null || on <= endOn);

        var card = new Card
        {
            Type = order.Type,
            SerialNumber = NextSerial(orderedOn),
            Holder = order.Holder,
            HolderId = order.Holder.Id,
            Structure = order.Structure,
            StructureId = order.Structure?.Id,
        };
        var events = card.Events;
        void Add(CardStatus status, DateOnly on, (int Hour, int Minute) time, string actor, string? reason) =>
            events.Add(new CardEvent { At = DemoCalendar.At(on, time.Hour, time.Minute), Status = status, Actor = actor, Reason = reason });

        Add(CardStatus.Ordered, orderedOn, rng.Time(9, 17), order.OrderActor, order.OrderReason);
        if (order.NotBefore is { } notBefore && events[0].At <= notBefore) events[0].At = notBefore.AddMinutes(rng.Next(5, 60));
        if (Reached(CardStatus.InProduction, producedOn))
        {
            Add(CardStatus.InProduction, producedOn, rng.Time(6, 9), ProductionActor, "Dossier complet : carte en fabrication");
            card.ValidFrom = producedOn;
            card.ValidUntil = validUntil;
        }
        var delivery = order.Structure?.DeliveryAddress ?? order.Holder.CorrespondenceAddress;
        if (Reached(CardStatus.Shipped, shippedOn))
            Add(CardStatus.Shipped, shippedOn, rng.Time(14, 17), ShippingActor, $"Carte envoyée à l'adresse de livraison : {delivery}");
        if (Reached(CardStatus.CodesSent, codesOn))
            Add(CardStatus.CodesSent, codesOn, rng.Time(14, 17), ShippingActor,
                "Code porteur et code de déblocage envoyés par courrier sécurisé à l'adresse de correspondance");
        if (Reached(CardStatus.Active, usedOn))
            Add(CardStatus.Active, usedOn, rng.Time(8, 19), order.Holder.FullName, "Première utilisation de la carte");

        switch (order.Status)
        {
            case CardStatus.Blocked:
                Add(CardStatus.Blocked, endOn!.Value, rng.Time(8, 19), order.Holder.FullName, "Trois codes porteur erronés consécutifs : carte bloquée");
                break;
            case CardStatus.Opposed:
                Add(CardStatus.Opposed, endOn!.Value, rng.Time(9, 17), order.EndActor!, order.EndReason);
                break;
            case CardStatus.Returned:
                Add(CardStatus.Returned, endOn!.Value, rng.Time(9, 12), order.EndActor!, order.EndReason);
                break;
            case CardStatus.Expired:
                Add(CardStatus.Expired, endOn!.Value, (2, rng.Next(0, 10)), CardExpiryService.Actor,
                    $"Fin de validité le {validUntil.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
                break;
        }

        KeepInOrderAndInThePast(events);
        // Close to now the clamp may pull the order back onto the opposition it follows: put it between the two.
        if (order.NotBefore is { } after && events[0].At <= after)
            events[0].At = after + ((events.Count > 1 ? events[1].At : calendar.Now) - after) / 2;
        card.Status = events[^1].Status;
        if (card.Status == CardStatus.Opposed)
        {
            card.OpposedAt = events[^1].At;
            card.OppositionReason = events[^1].Reason;
        }
        card.CreatedAt = events[0].At;
        card.UpdatedAt = events[^1].At;
        return card;
    }

    /// <summary>Events strictly one after the other (same-day steps included) and none after now (a step due later today).</summary>
    private void KeepInOrderAndInThePast(List<CardEvent> events)
    {
        for (var i = 1; i < events.Count; i++)
        {
            if (events[i].At <= events[i - 1].At) events[i].At = events[i - 1].At.AddMinutes(rng.Next(5, 60));
        }
        var limit = calendar.Now.AddMinutes(-1);
        for (var i = events.Count - 1; i >= 0; i--)
        {
            if (events[i].At > limit) events[i].At = limit;
            limit = events[i].At.AddMinutes(-1);
        }
    }

    /// <summary>Ten digits: the two digits of the order year, then a sequence.</summary>
    private string NextSerial(DateOnly orderedOn)
    {
        _serial += rng.Next(1, 40);
        return (orderedOn.Year % 100).ToString("D2", CultureInfo.InvariantCulture) + _serial.ToString("D8", CultureInfo.InvariantCulture);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
