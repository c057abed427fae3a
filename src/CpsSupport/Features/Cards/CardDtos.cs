namespace CpsSupport.Features.Cards;

public sealed record CardQuery(string? Search = null, CardStatus? Status = null, CardType? Type = null, Guid? StructureId = null, Guid? HolderId = null);

public sealed record CardRow(
    Guid Id, CardType Type, string SerialNumber, CardStatus Status,
    Guid HolderId, string HolderName, string? HolderNationalId,
    Guid? StructureId, string? StructureName, DateOnly? ValidUntil);

public sealed record CardEventDto(DateTimeOffset At, CardStatus Status, string Actor, string? Reason);

public sealed record CardCertificateDto(string SerialNumber, CertificateUsage Usage, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, string? RevocationReason);

/// <summary>
/// A card with its history. <paramref name="ExpectedOn"/>/<paramref name="CodesExpectedOn"/>: the dates promised when it was
/// ordered; <paramref name="ReplacesCardId"/>/<paramref name="ReplacedByCardId"/>: the replacement chain;
/// <paramref name="ShipmentFlag"/>: what to check after a delivery-address change; <paramref name="ReturnRequestedAt"/>: a faulty
/// card awaited back.
/// </summary>
public sealed record CardDetail(
    Guid Id, CardType Type, string SerialNumber, CardStatus Status,
    Guid HolderId, string HolderName, string? HolderNationalId, string? HolderProfession,
    Guid? StructureId, string? StructureName,
    DateOnly? ValidFrom, DateOnly? ValidUntil, DateTimeOffset? OpposedAt, string? OppositionReason,
    DateTimeOffset CreatedAt, IReadOnlyList<CardEventDto> Events,
    DateOnly? ExpectedOn = null, DateOnly? CodesExpectedOn = null, Guid? ReplacesCardId = null, Guid? ReplacedByCardId = null,
    string? ShipmentFlag = null, DateTimeOffset? ReturnRequestedAt = null, IReadOnlyList<CardCertificateDto>? Certificates = null);
