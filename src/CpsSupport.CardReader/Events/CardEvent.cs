namespace CpsSupport.CardReader.Events;

/// <summary>
/// A card event: "present" and "ready" on connection, then "inserted", "removed", or "module" when the PKCS#11 module
/// became (un)available.
/// </summary>
public sealed record CardEvent(string Type, ulong? SlotId, string? SerialNumber, string? Label, string? Message, DateTimeOffset At);
