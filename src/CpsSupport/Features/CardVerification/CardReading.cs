namespace CpsSupport.Features.CardVerification;

/// <summary>
/// What the card-reading module read from a card, as the agent's page hands it to the server (the JSON of the
/// module's <c>GET /card</c>, plus the <c>POST /sign</c> answer in <see cref="Challenge"/> when a PIN was typed).
/// Nothing in it is trusted: the verification proves it from the certificates, the trust anchors and the signature.
/// </summary>
public sealed record CardReading(
    CardToken Token,
    IReadOnlyList<CardReadingCertificate> Certificates,
    IReadOnlyList<CardDataObject>? DataObjects = null,
    CardReaderSlot? Reader = null,
    bool Simulated = false,
    CardChallengeSignature? Challenge = null);

/// <summary>The reader (PKCS#11 slot) the card is in.</summary>
public sealed record CardReaderSlot(ulong SlotId, string Description, string? Manufacturer = null);

/// <summary>The card as a PKCS#11 token; Cryptolib CPS reports the card's serial as the token serial.</summary>
public sealed record CardToken(string Label, string SerialNumber, CardTokenFlags Flags, string? Model = null, string? Manufacturer = null);

/// <summary>PIN state flags of the token (CKF_USER_PIN_COUNT_LOW, CKF_USER_PIN_FINAL_TRY, CKF_USER_PIN_LOCKED).</summary>
public sealed record CardTokenFlags(bool PinCountLow = false, bool PinFinalTry = false, bool PinLocked = false);

/// <summary>A certificate object of the card: CKA_ID in hex, CKA_LABEL, CKA_VALUE (DER) in base64.</summary>
public sealed record CardReadingCertificate(string Id, string? Label, string Der);

/// <summary>A data object readable without PIN (CPS_ID_CARD, CPS_NAME_PS, CPS_INFO_PS, CPS_DATA…), value in base64.</summary>
public sealed record CardDataObject(string Label, string? Application, string Value);

/// <summary>The card's signature of a server challenge (base64), made after the holder typed her PIN on the workstation.</summary>
public sealed record CardChallengeSignature(Guid ChallengeId, string Signature, string? CertificateId = null);
