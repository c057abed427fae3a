using CpsSupport.Features.Cards;

namespace CpsSupport.Features.CardVerification;

/// <summary>Overall result: valid, valid with points to look at (no PIN proof, tries used…), or not valid.</summary>
public enum VerdictOutcome
{
    Valid,
    ValidWithWarnings,
    Invalid,
}

public enum VerdictSeverity
{
    Ok,
    Info,
    Warning,
    Failure,
}

/// <summary>Which check a reason comes from, in the order they are listed.</summary>
public enum VerdictCheck
{
    Certificate,
    Environment,
    Chain,
    Validity,
    Revocation,
    Subject,
    Registry,
    Person,
    Card,
    Pin,
    Signature,
}

/// <summary>Where the card stands in our registry.</summary>
public enum RegistryStatus
{
    Active,
    Opposed,
    Expired,
    /// <summary>No card of that serial in the registry.</summary>
    Unknown,
    /// <summary>Known but not in use (ordered, in production, blocked, returned).</summary>
    Other,
}

/// <summary>One line of the verdict, in French.</summary>
public sealed record VerdictReason(VerdictCheck Check, VerdictSeverity Severity, string Message);

/// <summary>Who and what the card says it is, read from its authentication certificate (and the registry when known).</summary>
public sealed record CardIdentity(
    string? NationalId,
    string? StaffId,
    string? StructureId,
    string? LastName,
    string? FirstName,
    string? Profession,
    CardType? CardType,
    string CardSerial,
    string CertificateSerial,
    string Subject,
    string Issuer,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    bool IsTestCard);

/// <summary>The answer of <see cref="CardVerificationService.VerifyAsync"/>: outcome, every reason, identity read.</summary>
public sealed record Verdict(
    VerdictOutcome Outcome,
    IReadOnlyList<VerdictReason> Reasons,
    CardIdentity? Identity,
    RegistryStatus RegistryStatus,
    Guid? RegistryCardId,
    bool PossessionProven,
    bool Simulated,
    DateTimeOffset VerifiedAt)
{
    public bool IsValid => Outcome != VerdictOutcome.Invalid;

    public IEnumerable<VerdictReason> Failures => Reasons.Where(r => r.Severity == VerdictSeverity.Failure);

    public IEnumerable<VerdictReason> Warnings => Reasons.Where(r => r.Severity == VerdictSeverity.Warning);

    /// <summary>One French line for a timeline or a list ("Carte valide", "Carte non valide : 2 problèmes").</summary>
    public string Summary
    {
        get
        {
            var label = Outcome switch
            {
                VerdictOutcome.Valid => "Carte valide",
                VerdictOutcome.ValidWithWarnings => $"Carte valide avec {Plural(Warnings.Count(), "point d'attention", "points d'attention")}",
                _ => $"Carte non valide : {Plural(Failures.Count(), "problème", "problèmes")}",
            };
            return Simulated ? label + " (lecture simulée)" : label;
        }
    }

    private static string Plural(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
