namespace CpsSupport.Features.Structures;

public sealed record StructureQuery(string? Search = null, StructureKind? Kind = null);

public sealed record StructureRow(Guid Id, string Name, StructureKind Kind, string? Finess, string? Siret, string City, int CardCount)
{
    /// <summary>The row of a structure already loaded in detail (a page that picks a structure by other means than the list).</summary>
    public static StructureRow Of(StructureDetail d) => new(d.Id, d.Name, d.Kind, d.Finess, d.Siret, d.DeliveryAddress.City, d.CardCount);
}

public sealed record MandateDto(Guid Id, Guid PersonId, string PersonName, DateOnly StartsOn, DateOnly? EndsOn, bool IsActive);

public sealed record StructureDetail(
    Guid Id, string Name, StructureKind Kind, string? Finess, string? Siret, string? Siren,
    Address DeliveryAddress, Address CorrespondenceAddress, bool HasMembershipContract,
    Guid? LegalRepresentativeId, string? LegalRepresentativeName,
    IReadOnlyList<MandateDto> Mandates, int CardCount, int ActiveCardCount);
