namespace CpsSupport.CardReader.Events;

/// <summary>A change seen by polling the slots: "inserted", "removed", or "module" when the module state changed.</summary>
public sealed record CardEvent(string Type, ulong? SlotId, string? SerialNumber, string? Label, string? Message, DateTimeOffset At);
