namespace CpsSupport.CardReader;

/// <summary>
/// A card as read by <c>GET /card</c>. Same JSON as the server's <c>CpsSupport.Features.CardVerification.CardReading</c>,
/// which the agent's page forwards (with the <c>POST /sign</c> answer) for verification.
/// </summary>
public sealed record CardReading(
    CardToken Token,
    IReadOnlyList<CardCertificate> Certificates,
    IReadOnlyList<CardDataObject> DataObjects,
    CardReaderSlot Reader,
    bool Simulated);

public sealed record CardReaderSlot(ulong SlotId, string Description, string? Manufacturer);

public sealed record CardToken(string Label, string SerialNumber, CardTokenFlags Flags, string? Model, string? Manufacturer);

public sealed record CardTokenFlags(bool PinCountLow, bool PinFinalTry, bool PinLocked);

/// <summary>CKA_ID in hex, CKA_LABEL, DER in base64.</summary>
public sealed record CardCertificate(string Id, string? Label, string Der);

/// <summary>A public data object (CPS_ID_CARD, CPS_NAME_PS, CPS_INFO_PS, CPS_DATA…), value in base64.</summary>
public sealed record CardDataObject(string Label, string? Application, string Value);
