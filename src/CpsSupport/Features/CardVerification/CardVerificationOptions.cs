namespace CpsSupport.Features.CardVerification;

/// <summary>Configuration section <c>CardVerification</c>: which authority is trusted, and how.</summary>
public sealed class CardVerificationOptions
{
    public const string Section = "CardVerification";

    /// <summary>Production by default: a test card is then refused, and the reverse on a test server.</summary>
    public IgcSanteEnvironment Environment { get; set; } = IgcSanteEnvironment.Production;

    /// <summary>PEM (or DER) files of the IGC-Santé root certificates the card chains must end at.</summary>
    public List<string> TrustAnchorFiles { get; set; } = [];

    /// <summary>PEM (or DER) files of intermediate authorities ("AC IGC-SANTE FORTE PERSONNES"…), when not on the card.</summary>
    public List<string> IntermediateFiles { get; set; } = [];

    /// <summary>Certificate revocation lists (DER or PEM) downloaded from the IGC-Santé; optional.</summary>
    public List<string> CrlFiles { get; set; } = [];

    /// <summary>How long a challenge may be signed after it was issued.</summary>
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(2);
}
