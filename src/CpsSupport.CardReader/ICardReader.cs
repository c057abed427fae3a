namespace CpsSupport.CardReader;

/// <summary>The card reader behind the HTTP endpoints: PKCS#11 (<see cref="Pkcs11.Pkcs11CardReader"/>) or simulated.</summary>
public interface ICardReader
{
    /// <summary>Module, readers, cards and PIN flags; never throws for a missing module (it is reported in the status).</summary>
    Task<ReaderStatus> GetStatusAsync(CancellationToken ct);

    /// <summary>Certificates, public data objects and token info of the card in <paramref name="slotId"/> (or the first card).</summary>
    /// <exception cref="CardReaderException">No module, no reader, no card, card removed during the read.</exception>
    Task<CardReading> ReadCardAsync(ulong? slotId, CancellationToken ct);

    /// <summary>
    /// Logs in with <paramref name="pin"/>, signs SHA-256 of <paramref name="challenge"/> with the authentication key
    /// and logs out. The PIN is only used for this call: the caller clears it afterwards.
    /// </summary>
    /// <exception cref="CardReaderException">Wrong PIN (with tries left), PIN locked, no card, card removed.</exception>
    Task<SignResult> SignAsync(ulong? slotId, byte[] challenge, byte[] pin, CancellationToken ct);
}
