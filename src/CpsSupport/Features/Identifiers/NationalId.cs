using System.Diagnostics.CodeAnalysis;

namespace CpsSupport.Features.Identifiers;

/// <summary>
/// A valid national identifier of a person, split into the registry it comes from and the inner number:
/// <c>8</c> + RPPS or <c>0</c> + ADELI (e.g. <c>899700026547</c> = RPPS 99700026547).
/// </summary>
public sealed record NationalId
{
    internal NationalId(IdentifierKind kind, string number)
    {
        Kind = kind;
        Number = number;
    }

    /// <summary><see cref="IdentifierKind.Rpps"/> or <see cref="IdentifierKind.Adeli"/>.</summary>
    public IdentifierKind Kind { get; }

    /// <summary>The RPPS (11 digits) or ADELI (9 digits) number, without the prefix.</summary>
    public string Number { get; }

    /// <summary>The full identifier: prefix 8 (RPPS) or 0 (ADELI) followed by <see cref="Number"/>.</summary>
    public string Value => (Kind == IdentifierKind.Rpps ? "8" : "0") + Number;

    public override string ToString() => Value;

    /// <summary>Parses a national id (rule of <see cref="IdentifierValidator.ValidateNationalId"/>); false when invalid.</summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out NationalId? nationalId)
    {
        nationalId = IdentifierValidator.CheckNationalId(input).Id;
        return nationalId is not null;
    }

    /// <summary>Parses a national id (rule of <see cref="IdentifierValidator.ValidateNationalId"/>).</summary>
    /// <exception cref="FormatException">The input is invalid; the message is the French error.</exception>
    public static NationalId Parse(string? input)
    {
        var (check, id) = IdentifierValidator.CheckNationalId(input);
        return id ?? throw new FormatException(check.Error);
    }

    /// <summary>The national id 8 + <paramref name="rpps"/>; the RPPS must be valid.</summary>
    /// <exception cref="ArgumentException">The RPPS is invalid; the message is the French error.</exception>
    public static NationalId FromRpps(string rpps)
    {
        var check = IdentifierValidator.ValidateRpps(rpps);
        return check.IsValid
            ? new NationalId(IdentifierKind.Rpps, check.Normalized)
            : throw new ArgumentException(check.Error, nameof(rpps));
    }

    /// <summary>The national id 0 + <paramref name="adeli"/>; the ADELI must be valid.</summary>
    /// <exception cref="ArgumentException">The ADELI is invalid; the message is the French error.</exception>
    public static NationalId FromAdeli(string adeli)
    {
        var check = IdentifierValidator.ValidateAdeli(adeli);
        return check.IsValid
            ? new NationalId(IdentifierKind.Adeli, check.Normalized)
            : throw new ArgumentException(check.Error, nameof(adeli));
    }
}
