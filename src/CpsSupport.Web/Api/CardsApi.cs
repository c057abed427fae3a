using System.Security.Claims;
using CpsSupport.Features.Access;
using CpsSupport.Features.Cards;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CpsSupport.Web.Api;

/// <summary><c>/api/v1/cards</c>: the CPx cards the caller may see.</summary>
public static class CardsApi
{
    private const int SerialMaxLength = 20;
    private static readonly string[] SortKeys = ["HolderName", "SerialNumber", "Status", "Type", "ValidUntil", "StructureName"];

    public static RouteGroupBuilder MapCardsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cards").WithTags("Cartes");
        group.MapGet("/", SearchAsync).WithSummary("Recherche des cartes (numéro de série, identifiant du porteur, nom, structure)");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("Une carte et son historique");
        group.MapGet("/by-serial/{serial}", GetBySerialAsync).WithSummary("Une carte par numéro de série");
        return api;
    }

    private static async Task<Results<Ok<PagedResponse<CardRow>>, ProblemHttpResult>> SearchAsync(
        ClaimsPrincipal user, AccessScopeService scopes, CardService cards, CancellationToken ct,
        string? search = null, CardStatus? status = null, CardType? type = null, Guid? structureId = null,
        int? page = null, int? pageSize = null, string? sortBy = null, bool? desc = null)
    {
        var (request, error) = ApiPaging.Parse(page, pageSize, sortBy, desc, SortKeys);
        if (request is null) return ApiProblems.BadRequest(error!);
        var scope = await scopes.ForAsync(user, ct);
        var result = await cards.SearchAsync(scope, new CardQuery(search, status, type, structureId), request, ct);
        return TypedResults.Ok(ApiPaging.Response(result, request));
    }

    private static async Task<Results<Ok<CardDetail>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, AccessScopeService scopes, CardService cards, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(user, ct);
        return await cards.GetAsync(scope, id, ct) is { } card ? TypedResults.Ok(card) : ApiProblems.NotFound();
    }

    private static async Task<Results<Ok<CardDetail>, ProblemHttpResult>> GetBySerialAsync(
        string serial, ClaimsPrincipal user, AccessScopeService scopes, CardService cards, CancellationToken ct)
    {
        var compact = serial.Replace(" ", "").Trim();
        if (compact.Length is 0 or > SerialMaxLength || !compact.All(char.IsAsciiLetterOrDigit))
            return ApiProblems.BadRequest($"Le numéro de série {compact} doit comporter de 1 à {SerialMaxLength} chiffres ou lettres");
        var scope = await scopes.ForAsync(user, ct);
        return await cards.GetBySerialAsync(scope, compact, ct) is { } card ? TypedResults.Ok(card) : ApiProblems.NotFound();
    }
}
