using System.Security.Claims;
using CpsSupport.Features.Access;
using CpsSupport.Features.Identifiers;
using CpsSupport.Features.Structures;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CpsSupport.Web.Api;

/// <summary><c>/api/v1/structures</c>: the structures the caller may see (all for the desk, their own for the portal).</summary>
public static class StructuresApi
{
    private static readonly string[] SortKeys = ["Name", "Kind", "Finess", "City"];

    public static RouteGroupBuilder MapStructuresApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/structures").WithTags("Structures");
        group.MapGet("/", SearchAsync).WithSummary("Recherche des structures (FINESS, SIRET, SIREN, nom ou ville)");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("Une structure");
        group.MapGet("/by-identifier/{identifier}", GetByIdentifierAsync).WithSummary("Une structure par FINESS, SIREN ou SIRET");
        return api;
    }

    private static async Task<Results<Ok<PagedResponse<StructureRow>>, ProblemHttpResult>> SearchAsync(
        ClaimsPrincipal user, AccessScopeService scopes, StructureService structures, CancellationToken ct,
        string? search = null, StructureKind? kind = null, int? page = null, int? pageSize = null, string? sortBy = null, bool? desc = null)
    {
        var (request, error) = ApiPaging.Parse(page, pageSize, sortBy, desc, SortKeys);
        if (request is null) return ApiProblems.BadRequest(error!);
        var scope = await scopes.ForAsync(user, ct);
        var result = await structures.SearchAsync(scope, new StructureQuery(search, kind), request, ct);
        return TypedResults.Ok(ApiPaging.Response(result, request));
    }

    private static async Task<Results<Ok<StructureDetail>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, AccessScopeService scopes, StructureService structures, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(user, ct);
        return await structures.GetAsync(scope, id, ct) is { } structure ? TypedResults.Ok(structure) : ApiProblems.NotFound();
    }

    private static async Task<Results<Ok<StructureDetail>, ProblemHttpResult>> GetByIdentifierAsync(
        string identifier, ClaimsPrincipal user, AccessScopeService scopes, StructureService structures, CancellationToken ct)
    {
        var check = Check(identifier);
        if (!check.IsValid) return ApiProblems.BadRequest(check.Error!);
        var scope = await scopes.ForAsync(user, ct);
        return await structures.GetByIdentifierAsync(scope, check.Normalized, ct) is { } structure ? TypedResults.Ok(structure) : ApiProblems.NotFound();
    }

    /// <summary>14 digits is a SIRET; 9 characters a FINESS or, failing that, a SIREN.</summary>
    private static IdentifierCheck Check(string identifier)
    {
        var compact = identifier.Replace(" ", "").Trim();
        if (compact.Length == IdentifierValidator.SiretLength) return IdentifierValidator.ValidateSiret(compact);
        if (compact.Length != IdentifierValidator.FinessLength)
            return IdentifierCheck.Invalid(IdentifierKind.Finess, compact,
                $"L'identifiant {compact} doit être un numéro FINESS (9 caractères), SIREN (9 chiffres) ou SIRET (14 chiffres)");
        var finess = IdentifierValidator.ValidateFiness(compact);
        if (finess.IsValid) return finess;
        var siren = IdentifierValidator.ValidateSiren(compact);
        return siren.IsValid ? siren : finess;
    }
}
