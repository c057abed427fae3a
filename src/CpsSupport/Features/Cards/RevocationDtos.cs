namespace CpsSupport.Features.Cards;

/// <summary>Which opposed cards to list: opposed since an instant, of one structure.</summary>
public sealed record RevocationQuery(DateTimeOffset? Since = null, Guid? StructureId = null);

/// <summary>One opposed card of the revocation list. <paramref name="HolderIdentifier"/>: 8+RPPS or 0+ADELI, null for staff without one.</summary>
public sealed record RevokedCardRow(string SerialNumber, string? HolderIdentifier, DateTimeOffset OpposedAt, string Reason);

/// <summary>
/// The card-verification module's answer for a card or certificate serial: revoked or not, since when and why.
/// <paramref name="Known"/> false: no such card or certificate in the registry.
/// </summary>
public sealed record RevocationCheck(bool Known, bool Revoked, string? CardSerialNumber, CardStatus? Status, DateTimeOffset? RevokedAt, string? Reason);
