namespace CpsSupport.CardReader;

/// <summary>What <c>GET /status</c> answers: is the PKCS#11 module loaded, which readers and cards are there.</summary>
public sealed record ReaderStatus(bool ModuleLoaded, string Module, string? ModuleDescription, bool Simulated, IReadOnlyList<SlotStatus> Slots, string? Error)
{
    public bool CardPresent => Slots.Any(s => s.Token is not null);
}

public sealed record SlotStatus(ulong SlotId, string Description, bool TokenPresent, TokenStatus? Token);

/// <summary>A card in a reader with its PIN state (count low, final try, locked).</summary>
public sealed record TokenStatus(string Label, string SerialNumber, string? Model, string? Manufacturer, CardTokenFlags Flags);
