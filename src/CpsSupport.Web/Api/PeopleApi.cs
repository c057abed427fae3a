using System.Security.Claims;
using CpsSupport.Features.Access;
using CpsSupport.Features.Identifiers;
using CpsSupport.Features.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CpsSupport.Web.Api;

/// <summary><c>/api/v1/people</c>: card holders, structure heads and mandataries the caller may see.</summary>
public static class PeopleApi
{
    private static readonly string[] SortKeys = ["Name", "NationalId"];

    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/people").WithTags("Personnes");
        group.MapGet("/", SearchAsync).WithSummary("Recherche des personnes (identifiant national, RPPS, ADELI, nom ou e-mail)");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("Une personne");
        group.MapGet("/by-national-id/{nationalId}", GetByNationalIdAsync).WithSummary("Une personne par identifiant national (8+RPPS, 0+ADELI), RPPS ou ADELI");
        return api;
    }

    private static async Task<Results<Ok<PagedResponse<PersonRow>>, ProblemHttpResult>> SearchAsync(
        ClaimsPrincipal user, AccessScopeService scopes, PersonService people, CancellationToken ct,
        string? search = null, int? page = null, int? pageSize = null, string? sortBy = null, bool? desc = null)
    {
        var (request, error) = ApiPaging.Parse(page, pageSize, sortBy, desc, SortKeys);
        if (request is null) return ApiProblems.BadRequest(error!);
        var scope = await scopes.ForAsync(user, ct);
        var result = await people.SearchAsync(scope, new PersonQuery(search), request, ct);
        return TypedResults.Ok(ApiPaging.Response(result, request));
    }

    private static async Task<Results<Ok<PersonDetail>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, AccessScopeService scopes, PersonService people, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(user, ct);
        return await people.GetAsync(scope, id, ct) is { } person ? TypedResults.Ok(person) : ApiProblems.NotFound();
    }

    private static async Task<Results<Ok<PersonDetail>, ProblemHttpResult>> GetByNationalIdAsync(
        string nationalId, ClaimsPrincipal user, AccessScopeService scopes, PersonService people, CancellationToken ct)
    {
        var check = Check(nationalId);
        if (!check.IsValid) return ApiProblems.BadRequest(check.Error!);
        var scope = await scopes.ForAsync(user, ct);
        return await people.GetByNationalIdAsync(scope, check.Normalized, ct) is { } person ? TypedResults.Ok(person) : ApiProblems.NotFound();
    }

    /// <summary>A bare RPPS (11 digits) or ADELI (9 digits) is accepted as well as the national identifier.</summary>
    private static IdentifierCheck Check(string identifier)
    {
        var compact = identifier.Replace(" ", "").Trim();
        return compact.Length switch
        {
            IdentifierValidator.RppsLength => IdentifierValidator.ValidateRpps(compact),
            IdentifierValidator.AdeliLength => IdentifierValidator.ValidateAdeli(compact),
            _ => IdentifierValidator.ValidateNationalId(compact),
        };
    }
}
