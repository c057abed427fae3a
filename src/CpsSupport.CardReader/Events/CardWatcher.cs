using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace CpsSupport.CardReader.Events;

/// <summary>
/// Polls the reader's slots and publishes card insertions and removals to the <c>/events</c> subscribers. Polling
/// rather than C_WaitForSlotEvent: Cryptolib CPS and SoftHSM2 do not all implement it, and a blocked wait cannot be
/// cancelled cleanly at shutdown.
/// </summary>
public sealed class CardWatcher(ICardReader reader, IOptions<CardReaderOptions> options, TimeProvider clock, ILogger<CardWatcher> logger) : BackgroundService
{
    private readonly Lock _lock = new();
    private readonly List<Channel<CardEvent>> _subscribers = [];
    private Dictionary<ulong, TokenStatus> _cards = [];
    private string? _moduleError;

    /// <summary>The events from now on, until <paramref name="ct"/> ends (the client went away).</summary>
    public async IAsyncEnumerable<CardEvent> SubscribeAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateBounded<CardEvent>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        Dictionary<ulong, TokenStatus> present;
        lock (_lock)
        {
            _subscribers.Add(channel);
            present = _cards;
        }
        try
        {
            // The cards already there, then "ready": the page knows the reader's state and gets the headers at once.
            foreach (var (slot, token) in present) yield return new CardEvent("present", slot, token.SerialNumber, token.Label, "Carte présente.", clock.GetUtcNow());
            yield return new CardEvent("ready", null, null, null, "Module à l'écoute des cartes.", clock.GetUtcNow());
            await foreach (var item in channel.Reader.ReadAllAsync(ct)) yield return item;
        }
        finally
        {
            lock (_lock) _subscribers.Remove(channel);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Card polling failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One poll: compares the cards present with the previous poll and publishes the differences.</summary>
    internal async Task PollAsync(CancellationToken ct)
    {
        var status = await reader.GetStatusAsync(ct);
        var now = clock.GetUtcNow();
        var cards = status.Slots.Where(s => s.Token is not null).ToDictionary(s => s.SlotId, s => s.Token!);
        var events = new List<CardEvent>();
        if (status.Error != _moduleError)
            events.Add(new CardEvent("module", null, null, null, status.Error ?? "Module PKCS#11 chargé.", now));
        foreach (var (slot, token) in _cards)
        {
            if (!cards.TryGetValue(slot, out var present) || present.SerialNumber != token.SerialNumber)
                events.Add(new CardEvent("removed", slot, token.SerialNumber, token.Label, "Carte retirée.", now));
        }
        foreach (var (slot, token) in cards)
        {
            if (!_cards.TryGetValue(slot, out var previous) || previous.SerialNumber != token.SerialNumber)
                events.Add(new CardEvent("inserted", slot, token.SerialNumber, token.Label, "Carte insérée.", now));
        }
        lock (_lock) _cards = cards;
        _moduleError = status.Error;
        if (events.Count == 0) return;
        Channel<CardEvent>[] subscribers;
        lock (_lock) subscribers = [.. _subscribers];
        foreach (var item in events)
        {
            logger.LogInformation("Card event {Type} in slot {Slot}", item.Type, item.SlotId);
            foreach (var subscriber in subscribers) subscriber.Writer.TryWrite(item);
        }
    }
}
