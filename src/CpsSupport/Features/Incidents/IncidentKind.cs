namespace CpsSupport.Features.Incidents;

/// <summary>What an F501 declaration is about (seeds/001: loss, theft, malfunction, card or codes not received; PIN cases).</summary>
public enum IncidentKind
{
    Loss,
    Theft,
    Malfunction,
    CardNotReceived,
    CodesNotReceived,
    /// <summary>Forgotten PIN or lost secure letter ("oubli de code confidentiel et/ou perte de pli sécurisé").</summary>
    ForgottenPin,
    /// <summary>Three wrong PINs in a row; with or without the unblock code.</summary>
    BlockedPin,
    /// <summary>Opposition asked by the holder, the structure head, a mandatary or an authority (end of practice, departure…).</summary>
    Revocation,
}
