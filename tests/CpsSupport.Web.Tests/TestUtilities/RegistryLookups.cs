namespace CpsSupport.Web.Tests.TestUtilities;

/// <summary>
/// Every way the API offers to read one structure, person or card, as concrete URLs for a structure of the scenario,
/// keyed by the route template so tests can check that no lookup endpoint is left out.
/// </summary>
public static class RegistryLookups
{
    public static readonly string[] Resources = ["structures", "people", "cards"];

    public static IReadOnlyList<(string Template, string Url)> Of(StructureFacts s) =>
    [
        ("/api/v1/structures/{id}", $"/api/v1/structures/{s.Id}"),
        ("/api/v1/structures/by-identifier/{identifier}", $"/api/v1/structures/by-identifier/{s.Finess}"),
        ("/api/v1/structures/by-identifier/{identifier}", $"/api/v1/structures/by-identifier/{s.Siret}"),
        ("/api/v1/structures/by-identifier/{identifier}", $"/api/v1/structures/by-identifier/{s.Siren}"),
        ("/api/v1/people/{id}", $"/api/v1/people/{s.HolderId}"),
        ("/api/v1/people/{id}", $"/api/v1/people/{s.LegalRepresentativeId}"),
        ("/api/v1/people/by-national-id/{nationalId}", $"/api/v1/people/by-national-id/{s.HolderNationalId}"),
        // The bare RPPS (11 digits) or ADELI (9 digits) is accepted too.
        ("/api/v1/people/by-national-id/{nationalId}", $"/api/v1/people/by-national-id/{s.HolderNationalId[1..]}"),
        ("/api/v1/cards/{id}", $"/api/v1/cards/{s.CardId}"),
        ("/api/v1/cards/by-serial/{serial}", $"/api/v1/cards/by-serial/{s.CardSerial}"),
        // The structure portal's fleet of the structure, as a page and as CSV, with and without filters.
        ("/api/v1/structures/{id}/fleet", $"/api/v1/structures/{s.Id}/fleet"),
        ("/api/v1/structures/{id}/fleet", $"/api/v1/structures/{s.Id}/fleet?status=Active&type=Cps&search={s.HolderNationalId}&expiringWithinDays=3650"),
        ("/api/v1/structures/{id}/fleet.csv", $"/api/v1/structures/{s.Id}/fleet.csv"),
        ("/api/v1/structures/{id}/fleet.csv", $"/api/v1/structures/{s.Id}/fleet.csv?search={s.CardSerial}"),
        // The technical administrators of software certificates (F503) of the structure.
        ("/api/v1/structures/{id}/technical-administrators", $"/api/v1/structures/{s.Id}/technical-administrators"),
    ];

    /// <summary>The list (search) endpoint of each resource.</summary>
    public static IReadOnlyList<string> Searches { get; } = Resources.Select(r => $"/api/v1/{r}").ToList();
}
