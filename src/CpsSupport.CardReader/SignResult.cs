namespace CpsSupport.CardReader;

/// <summary>
/// What <c>POST /sign</c> answers: the signature (base64) of the challenge with the card's authentication key, the
/// mechanism used, the certificate whose key signed, and the PIN flags after the call.
/// </summary>
public sealed record SignResult(string Signature, string Mechanism, string CertificateId, CardTokenFlags Flags);
