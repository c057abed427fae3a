namespace CpsSupport.Features.Identifiers;

/// <summary>
/// Validation of the identifiers typed by agents or read from mails: RPPS, ADELI, national id, FINESS,
/// SIREN, SIRET. Input is trimmed and its spaces removed ("997 000 265 47"); any other non-digit is an
/// error (FINESS also allows the Corsican 2A/2B). Every failure carries a French message naming the kind
/// of identifier and the value received.
/// </summary>
public static class IdentifierValidator
{
    public const int RppsLength = 11;
    public const int AdeliLength = 9;
    public const int FinessLength = 9;
    public const int SirenLength = 9;
    public const int SiretLength = 14;

    /// <summary>SIREN of La Poste, whose establishments do not use the Luhn key (see <see cref="ValidateSiret"/>).</summary>
    public const string LaPosteSiren = "356000000";

    /// <summary>SIRET of La Poste's head office: the only La Poste SIRET that follows the Luhn rule.</summary>
    public const string LaPosteHeadOfficeSiret = "35600000000048";

    /// <summary>
    /// Checks <paramref name="input"/> as an identifier of the given kind (see the <c>ValidateXxx</c>
    /// method of that kind for the rule).
    /// </summary>
    public static IdentifierCheck Validate(IdentifierKind kind, string? input) => kind switch
    {
        IdentifierKind.Rpps => ValidateRpps(input),
        IdentifierKind.Adeli => ValidateAdeli(input),
        IdentifierKind.NationalId => ValidateNationalId(input),
        IdentifierKind.Finess => ValidateFiness(input),
        IdentifierKind.Siren => ValidateSiren(input),
        IdentifierKind.Siret => ValidateSiret(input),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown identifier kind."),
    };

    /// <summary>RPPS: exactly 11 digits, the last one a Luhn check digit (e.g. 99700026547).</summary>
    public static IdentifierCheck ValidateRpps(string? input) =>
        ValidateLuhnNumber(IdentifierKind.Rpps, "Le numéro RPPS", RppsLength, input);

    /// <summary>ADELI: exactly 9 digits.</summary>
    public static IdentifierCheck ValidateAdeli(string? input)
    {
        const IdentifierKind kind = IdentifierKind.Adeli;
        const string subject = "Le numéro ADELI";
        var value = Normalize(input);
        // No public check-digit rule exists for ADELI numbers: any 9 digits are accepted.
        return CheckDigitsAndLength(kind, subject, AdeliLength, value)
            ?? IdentifierCheck.Valid(kind, value);
    }

    /// <summary>
    /// National identifier of a person: <c>8</c> followed by a valid RPPS (12 digits) or <c>0</c> followed
    /// by a valid ADELI (10 digits), as printed on CPS cards and typed to activate an e-CPS.
    /// </summary>
    public static IdentifierCheck ValidateNationalId(string? input) => CheckNationalId(input).Check;

    /// <summary>
    /// FINESS: 9 characters. All-digit numbers carry a Luhn key on the 9 digits; Corsican numbers are
    /// <c>2A</c> or <c>2B</c> followed by 7 digits and are checked for format only (lower-case a/b accepted).
    /// </summary>
    public static IdentifierCheck ValidateFiness(string? input)
    {
        const IdentifierKind kind = IdentifierKind.Finess;
        const string subject = "Le numéro FINESS";
        var value = Normalize(input);
        if (value.Length >= 2 && value[0] == '2' && value[1] is 'a' or 'b')
        {
            value = string.Concat("2", char.ToUpperInvariant(value[1]).ToString(), value.AsSpan(2));
        }

        if (value.Length == 0)
        {
            return IdentifierCheck.Invalid(kind, value, $"{subject} est obligatoire");
        }

        var corsican = IsCorsicanPrefix(value);
        if (!Luhn.AreDigits(corsican ? value.AsSpan(2) : value))
        {
            return IdentifierCheck.Invalid(kind, value,
                $"{subject} {value} ne doit contenir que des chiffres (ou commencer par 2A ou 2B en Corse)");
        }

        if (value.Length != FinessLength)
        {
            return IdentifierCheck.Invalid(kind, value,
                $"{subject} {value} doit comporter {FinessLength} caractères (reçu : {value.Length})");
        }

        // No check-digit rule is documented for Corsican FINESS numbers (2A/2B): their format only is checked.
        if (corsican || Luhn.IsValid(value))
        {
            return IdentifierCheck.Valid(kind, value);
        }

        return IdentifierCheck.Invalid(kind, value, InvalidKey(subject, value));
    }

    /// <summary>SIREN: exactly 9 digits, the last one a Luhn check digit (La Poste's 356000000 included).</summary>
    public static IdentifierCheck ValidateSiren(string? input) =>
        ValidateLuhnNumber(IdentifierKind.Siren, "Le numéro SIREN", SirenLength, input);

    /// <summary>
    /// SIRET: exactly 14 digits (SIREN + 5-digit NIC) whose first 9 digits form a valid SIREN. The whole
    /// number carries a Luhn key, except for La Poste (SIREN 356000000): there the sum of the 14 digits
    /// must be a multiple of 5, and only the head office <c>35600000000048</c> follows Luhn.
    /// </summary>
    public static IdentifierCheck ValidateSiret(string? input)
    {
        const IdentifierKind kind = IdentifierKind.Siret;
        const string subject = "Le numéro SIRET";
        var value = Normalize(input);
        if (CheckDigitsAndLength(kind, subject, SiretLength, value) is { } failure)
        {
            return failure;
        }

        if (value.StartsWith(LaPosteSiren, StringComparison.Ordinal) && value != LaPosteHeadOfficeSiret)
        {
            return DigitSum(value) % 5 == 0
                ? IdentifierCheck.Valid(kind, value)
                : IdentifierCheck.Invalid(kind, value,
                    $"{InvalidKey(subject, value)} (règle La Poste : la somme des chiffres doit être un multiple de 5)");
        }

        if (!Luhn.IsValid(value))
        {
            return IdentifierCheck.Invalid(kind, value, InvalidKey(subject, value));
        }

        var siren = value[..SirenLength];
        return Luhn.IsValid(siren)
            ? IdentifierCheck.Valid(kind, value)
            : IdentifierCheck.Invalid(kind, value,
                $"{subject} {value} contient un numéro SIREN {siren} dont la clé de contrôle est invalide");
    }

    /// <summary>
    /// The kinds whose format (not check digit) the typed text matches, for a search box: 11 digits → RPPS;
    /// 12 digits starting with 8 or 10 digits starting with 0 → national id; 14 digits → SIRET;
    /// 9 digits → ADELI, FINESS, SIREN; 2A/2B + 7 digits → FINESS. Spaces are ignored.
    /// </summary>
    public static IReadOnlyList<IdentifierKind> Guess(string? input)
    {
        var value = Normalize(input);
        if (value.Length == FinessLength && IsCorsicanPrefix(value.ToUpperInvariant()) && Luhn.AreDigits(value.AsSpan(2)))
        {
            return [IdentifierKind.Finess];
        }

        if (value.Length == 0 || !Luhn.AreDigits(value))
        {
            return [];
        }

        return value.Length switch
        {
            RppsLength => [IdentifierKind.Rpps],
            RppsLength + 1 when value[0] == '8' => [IdentifierKind.NationalId],
            AdeliLength + 1 when value[0] == '0' => [IdentifierKind.NationalId],
            SiretLength => [IdentifierKind.Siret],
            SirenLength => [IdentifierKind.Adeli, IdentifierKind.Finess, IdentifierKind.Siren],
            _ => [],
        };
    }

    internal static (IdentifierCheck Check, NationalId? Id) CheckNationalId(string? input)
    {
        const IdentifierKind kind = IdentifierKind.NationalId;
        const string subject = "L'identifiant national";
        var value = Normalize(input);
        if (value.Length == 0)
        {
            return (IdentifierCheck.Invalid(kind, value, $"{subject} est obligatoire"), null);
        }

        if (!Luhn.AreDigits(value))
        {
            return (IdentifierCheck.Invalid(kind, value, $"{subject} {value} ne doit contenir que des chiffres"), null);
        }

        var (innerKind, innerName, innerLength) = value[0] switch
        {
            '8' => (IdentifierKind.Rpps, "RPPS", RppsLength),
            '0' => (IdentifierKind.Adeli, "ADELI", AdeliLength),
            _ => (kind, "", 0),
        };
        if (innerLength == 0)
        {
            return (IdentifierCheck.Invalid(kind, value,
                $"{subject} {value} doit commencer par 8 (RPPS) ou 0 (ADELI)"), null);
        }

        if (value.Length != innerLength + 1)
        {
            return (IdentifierCheck.Invalid(kind, value,
                $"{subject} {value} doit comporter {innerLength + 1} chiffres, {value[0]} suivi du numéro {innerName} (reçu : {value.Length})"),
                null);
        }

        var inner = value[1..];
        if (innerKind == IdentifierKind.Rpps && !Luhn.IsValid(inner))
        {
            return (IdentifierCheck.Invalid(kind, value,
                $"{InvalidKey(subject, value)} (numéro RPPS {inner})"), null);
        }

        return (IdentifierCheck.Valid(kind, value), new NationalId(innerKind, inner));
    }

    /// <summary>Trimmed input without any whitespace (people type "997 000 265 47" or paste non-breaking spaces).</summary>
    internal static string Normalize(string? input) =>
        string.IsNullOrEmpty(input) ? "" : string.Concat(input.Where(c => !char.IsWhiteSpace(c)));

    private static IdentifierCheck ValidateLuhnNumber(IdentifierKind kind, string subject, int length, string? input)
    {
        var value = Normalize(input);
        return CheckDigitsAndLength(kind, subject, length, value)
            ?? (Luhn.IsValid(value)
                ? IdentifierCheck.Valid(kind, value)
                : IdentifierCheck.Invalid(kind, value, InvalidKey(subject, value)));
    }

    /// <summary>The failure for an empty, non-digit or wrong-length value; null when the format is right.</summary>
    private static IdentifierCheck? CheckDigitsAndLength(IdentifierKind kind, string subject, int length, string value)
    {
        if (value.Length == 0)
        {
            return IdentifierCheck.Invalid(kind, value, $"{subject} est obligatoire");
        }

        if (!Luhn.AreDigits(value))
        {
            return IdentifierCheck.Invalid(kind, value, $"{subject} {value} ne doit contenir que des chiffres");
        }

        if (value.Length != length)
        {
            return IdentifierCheck.Invalid(kind, value,
                $"{subject} {value} doit comporter {length} chiffres (reçu : {value.Length})");
        }

        return null;
    }

    private static string InvalidKey(string subject, string value) => $"{subject} {value} a une clé de contrôle invalide";

    private static bool IsCorsicanPrefix(string value) => value.StartsWith("2A", StringComparison.Ordinal) ||
        value.StartsWith("2B", StringComparison.Ordinal);

    internal static int DigitSum(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        foreach (var c in digits)
        {
            sum += c - '0';
        }

        return sum;
    }
}
