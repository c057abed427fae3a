using System.Security.Claims;
using CpsSupport.Features.Accounts;
using CpsSupport.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CpsSupport.Web.Api;

public sealed record CreatePersonalTokenRequest(string? Name, int? ExpiresInDays);

/// <summary><c>/api/v1/me/tokens</c>: the caller's personal API tokens.</summary>
public static class MeTokensApi
{
    public const int DefaultExpiresInDays = 90;

    public static RouteGroupBuilder MapMeTokensApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/me/tokens").WithTags("Jetons personnels");
        group.MapGet("/", ListAsync).WithSummary("Liste mes jetons");
        group.MapPost("/", CreateAsync).WithSummary("Crée un jeton personnel (texte affiché une seule fois)");
        group.MapDelete("/{id:guid}", RevokeAsync).WithSummary("Révoque un de mes jetons");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ApiTokenInfo>>> ListAsync(ClaimsPrincipal user, ApiTokenService tokens, CancellationToken ct) =>
        TypedResults.Ok(await tokens.ListAsync(UserId(user), ct));

    /// <summary>
    /// Only a session token (obtained with the password) may create personal tokens: a leaked short-lived token must not
    /// be able to mint a year-long one.
    /// </summary>
    private static async Task<Results<Created<CreatedApiToken>, ProblemHttpResult>> CreateAsync(
        CreatePersonalTokenRequest request, ClaimsPrincipal user, ApiTokenService tokens, CancellationToken ct)
    {
        if (user.FindFirstValue(CpsClaimTypes.ApiTokenKind) != nameof(ApiTokenKind.Session))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                detail: "Un jeton personnel se crée avec un jeton de session (POST /api/v1/auth/token) ou depuis votre profil.");
        var days = request.ExpiresInDays ?? DefaultExpiresInDays;
        if (days is < 1 or > 365) return ApiProblems.BadRequest("La durée de validité (expiresInDays) doit être comprise entre 1 et 365 jours.");
        var lifetime = TimeSpan.FromDays(days);
        if (ApiTokenService.ValidatePersonal(request.Name, lifetime) is { } error) return ApiProblems.BadRequest(error);

        var created = await tokens.CreatePersonalAsync(UserId(user), request.Name!, lifetime, ct);
        return TypedResults.Created($"/api/v1/me/tokens/{created.Id}", created);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, ClaimsPrincipal user, ApiTokenService tokens, CancellationToken ct) =>
        await tokens.RevokeAsync(UserId(user), id, ct) ? TypedResults.NoContent() : ApiProblems.NotFound();

    private static Guid UserId(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
