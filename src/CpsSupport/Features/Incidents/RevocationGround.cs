namespace CpsSupport.Features.Incidents;

/// <summary>Why an opposition (<see cref="IncidentKind.Revocation"/>) is asked.</summary>
public enum RevocationGround
{
    /// <summary>Cessation d'activité: for RPPS professions only after radiation.</summary>
    EndOfPractice,
    /// <summary>The employee left the structure: its head must ask for the revocation of the card (webinar Q/R).</summary>
    LeftStructure,
    /// <summary>Judicial, supervising or competent authority decision.</summary>
    AuthorityDecision,
    Other,
}
