using System.Security.Claims;
using CpsSupport.Features.Access;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Incidents;
using CpsSupport.Features.StructurePortal;
using CpsSupport.Features.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CpsSupport.Web.Api;

/// <summary>
/// The structure portal: a structure's card fleet (page and CSV), the caller's structures with their counts, and the
/// declaration of an employee's departure (the card is opposed). Same scope as the screens: another structure is a 404.
/// </summary>
public static class FleetApi
{
    private static readonly string[] SortKeys = ["HolderName", "SerialNumber", "Status", "Type", "ValidFrom", "ValidUntil"];

    public static RouteGroupBuilder MapFleetApi(this RouteGroupBuilder api)
    {
        var portal = api.MapGroup("").WithTags("Portail structure");
        portal.MapGet("/portal/structures", MyStructuresAsync).WithSummary("Mes structures, le nombre de leurs cartes et de leurs demandes en cours");
        portal.MapGet("/structures/{id:guid}/fleet", FleetAsync).WithSummary("Le parc de cartes d'une structure (filtres, tri, pages)");
        portal.MapGet("/structures/{id:guid}/fleet.csv", FleetCsvAsync).WithSummary("Le parc de cartes filtré d'une structure (CSV pour tableur)");
        portal.MapPost("/cards/{id:guid}/departure", DeclareDepartureAsync)
            .WithSummary("Déclare le départ du titulaire de la carte : la carte est mise en opposition (responsable de structure ou mandataire)");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<PortalStructureSummary>>> MyStructuresAsync(
        ClaimsPrincipal user, AccessScopeService scopes, FleetService fleet, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(user, ct);
        return TypedResults.Ok(await fleet.MyStructuresAsync(scope, ct));
    }

    private static async Task<Results<Ok<PagedResponse<FleetRow>>, ProblemHttpResult>> FleetAsync(
        Guid id, ClaimsPrincipal user, AccessScopeService scopes, FleetService fleet, CancellationToken ct,
        string? search = null, CardStatus? status = null, CardType? type = null, int? expiringWithinDays = null,
        int? page = null, int? pageSize = null, string? sortBy = null, bool? desc = null)
    {
        var (request, error) = ApiPaging.Parse(page, pageSize, sortBy, desc, SortKeys);
        if (request is null) return ApiProblems.BadRequest(error!);
        var query = new FleetQuery(search, status, type, expiringWithinDays);
        if (FleetService.ErrorOf(query) is { } invalid) return ApiProblems.BadRequest(invalid);
        var scope = await scopes.ForAsync(user, ct);
        return await fleet.SearchAsync(scope, id, query, request, ct) is { } result
            ? TypedResults.Ok(ApiPaging.Response(result, request))
            : ApiProblems.NotFound();
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> FleetCsvAsync(
        Guid id, ClaimsPrincipal user, AccessScopeService scopes, FleetService fleet, CancellationToken ct,
        string? search = null, CardStatus? status = null, CardType? type = null, int? expiringWithinDays = null)
    {
        var query = new FleetQuery(search, status, type, expiringWithinDays);
        if (FleetService.ErrorOf(query) is { } invalid) return ApiProblems.BadRequest(invalid);
        var scope = await scopes.ForAsync(user, ct);
        // Checked before the stream starts: once the 200 is sent, a 404 can no longer be.
        if (await fleet.StructureNameAsync(scope, id, ct) is null) return ApiProblems.NotFound();
        return TypedResults.Stream(stream => fleet.WriteCsvAsync(scope, id, query, stream, ct), "text/csv; charset=utf-8", FleetFileName.Of(id));
    }

    /// <summary>201 for a new declaration; 200 with <c>alreadyDeclared</c> when the card was already opposed by a request.</summary>
    private static async Task<Results<Created<IncidentOutcome>, Ok<IncidentOutcome>, ProblemHttpResult>> DeclareDepartureAsync(
        Guid id, ClaimsPrincipal user, AccessScopeService scopes, EmployeeDepartureService departures, CancellationToken ct,
        DepartureDeclaration? body = null)
    {
        var scope = await scopes.ForAsync(user, ct);
        try
        {
            var outcome = await departures.DeclareAsync(scope, id, body ?? new DepartureDeclaration(), ct);
            return outcome.AlreadyDeclared
                ? TypedResults.Ok(outcome)
                : TypedResults.Created($"{ApiEndpoints.Prefix}/requests/{outcome.RequestId}", outcome);
        }
        catch (RequestException e)
        {
            return e switch
            {
                RequestNotFoundException => ApiProblems.NotFound(),
                RequestConflictException => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: e.Message),
                _ => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, detail: e.Message),
            };
        }
    }
}

/// <summary>The name of a fleet export: the structure's id only, no name or personal data in a file name.</summary>
public static class FleetFileName
{
    public static string Of(Guid structureId) => $"parc-cartes-{structureId:N}.csv";
}
