using CpsSupport.Data;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Cards;

/// <summary>Ends the life of cards whose validity has run out.</summary>
public sealed class CardExpiryService(IDbContextFactory<CpsDbContext> dbFactory, TimeProvider clock)
{
    public const string Actor = "Tâche planifiée";
    private const int BatchSize = 500;

    /// <summary>Statuses of a card still in circulation: the ones an overdue card leaves for <see cref="CardStatus.Expired"/>.</summary>
    public static readonly IReadOnlyList<CardStatus> ExpirableStatuses = [CardStatus.Active, CardStatus.Blocked, CardStatus.Shipped, CardStatus.CodesSent];

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>
    /// Marks as <see cref="CardStatus.Expired"/> every card in circulation whose last valid day (ValidUntil, inclusive)
    /// is before today in Paris, with a card event saying why. Opposed, returned or not yet shipped cards keep their
    /// status. Running it twice changes nothing the second time. Returns how many cards expired.
    /// </summary>
    public async Task<int> ExpireOverdueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Paris).DateTime);
        var statuses = ExpirableStatuses.ToArray();
        var total = 0;
        while (true)
        {
            // One context per batch: the change tracker stays small and each batch commits on its own.
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var cards = await db.Cards
                .Where(c => c.ValidUntil != null && c.ValidUntil < today && statuses.Contains(c.Status))
                .OrderBy(c => c.Id)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (cards.Count == 0) return total;
            foreach (var card in cards)
            {
                card.Status = CardStatus.Expired;
                db.CardEvents.Add(new CardEvent
                {
                    CardId = card.Id,
                    At = now,
                    Status = CardStatus.Expired,
                    Actor = Actor,
                    Reason = $"Fin de validité le {card.ValidUntil:dd/MM/yyyy}",
                });
            }
            await db.SaveChangesAsync(ct);
            total += cards.Count;
        }
    }
}
