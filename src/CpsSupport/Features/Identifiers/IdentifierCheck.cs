namespace CpsSupport.Features.Identifiers;

/// <summary>
/// Outcome of checking one identifier. <see cref="Normalized"/> is the input trimmed and without spaces
/// (upper-cased for FINESS), whether valid or not; <see cref="Error"/> is the French message shown to the user.
/// </summary>
public readonly record struct IdentifierCheck(IdentifierKind Kind, bool IsValid, string Normalized, string? Error)
{
    public static IdentifierCheck Valid(IdentifierKind kind, string normalized) => new(kind, true, normalized, null);

    public static IdentifierCheck Invalid(IdentifierKind kind, string normalized, string error) =>
        new(kind, false, normalized, error);
}
