namespace CpsSupport.Features.Cards;

public sealed record CardQuery(string? Search = null, CardStatus? Status = null, CardType? Type = null, Guid? StructureId = null, Guid? HolderId = null);

public sealed record CardRow(
    Guid Id, CardType Type, string SerialNumber, CardStatus Status,
    Guid HolderId, string HolderName, string? HolderNationalId,
    Guid? StructureId, string? StructureName, DateOnly? ValidUntil);

public sealed record CardEventDto(DateTimeOffset At, CardStatus Status, string Actor, string? Reason);

public sealed record CardDetail(
    Guid Id, CardType Type, string SerialNumber, CardStatus Status,
    Guid HolderId, string HolderName, string? HolderNationalId, string? HolderProfession,
    Guid? StructureId, string? StructureName,
    DateOnly? ValidFrom, DateOnly? ValidUntil, DateTimeOffset? OpposedAt, string? OppositionReason,
    DateTimeOffset CreatedAt, IReadOnlyList<CardEventDto> Events);
