using System.Security.Claims;
using CpsSupport.Features.Access;
using CpsSupport.Features.Cards;

namespace CpsSupport.Web.Features.Cards;

/// <summary>
/// <c>/cartes/liste-opposition.csv</c> and <c>.json</c>: the revocation list downloaded from the screens with the sign-in cookie
/// (the API serves the same files to bearer tokens at <c>/api/v1/revocations</c>), through the same scope.
/// </summary>
public static class RevocationListEndpoints
{
    public const string CsvPath = "/cartes/liste-opposition.csv";
    public const string JsonPath = "/cartes/liste-opposition.json";

    public static IEndpointRouteBuilder MapRevocationListEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(CsvPath, async (ClaimsPrincipal user, AccessScopeService scopes, RevocationListService revocations, CancellationToken ct) =>
        {
            var scope = await scopes.ForAsync(user, ct);
            return Results.Stream(stream => revocations.WriteCsvAsync(scope, new RevocationQuery(null, null), stream, ct), "text/csv; charset=utf-8", "liste-opposition.csv");
        }).RequireAuthorization().ExcludeFromDescription();
        app.MapGet(JsonPath, async (ClaimsPrincipal user, AccessScopeService scopes, RevocationListService revocations, CancellationToken ct) =>
        {
            var scope = await scopes.ForAsync(user, ct);
            return Results.Stream(stream => revocations.WriteJsonAsync(scope, new RevocationQuery(null, null), stream, ct), "application/json", "liste-opposition.json");
        }).RequireAuthorization().ExcludeFromDescription();
        return app;
    }
}
