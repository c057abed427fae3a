using System.Security.Claims;
using CpsSupport.Features.Access;
using CpsSupport.Features.Cards;
using CpsSupport.Features.StructurePortal;
using CpsSupport.Web.Api;

namespace CpsSupport.Web.Features.StructurePortal;

/// <summary><c>/structures/{id}/parc.csv</c>: the fleet export behind the page's "Exporter (CSV)" button, with the page's filters.</summary>
public static class FleetEndpoints
{
    public static IEndpointRouteBuilder MapFleetEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/structures/{id:guid}/parc.csv", async (Guid id, ClaimsPrincipal user, AccessScopeService scopes, FleetService fleet, CancellationToken ct,
            string? recherche, CardStatus? statut, CardType? type, int? expire) =>
        {
            var query = new FleetQuery(recherche, statut, type, expire);
            if (FleetService.ErrorOf(query) is { } error) return Results.BadRequest(error);
            var scope = await scopes.ForAsync(user, ct);
            // A structure of someone else is simply not found, as on the pages.
            if (await fleet.StructureNameAsync(scope, id, ct) is null) return Results.NotFound();
            return Results.Stream(stream => fleet.WriteCsvAsync(scope, id, query, stream, ct), "text/csv; charset=utf-8", FleetFileName.Of(id));
        }).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    /// <summary>The export URL for the filters shown on the page.</summary>
    public static string CsvUrl(Guid structureId, FleetQuery query)
    {
        var parameters = new List<string>();
        if (SearchTextOf(query.Search) is { } search) parameters.Add("recherche=" + Uri.EscapeDataString(search));
        if (query.Status is { } status) parameters.Add("statut=" + status);
        if (query.Type is { } type) parameters.Add("type=" + type);
        if (query.ExpiringWithinDays is { } days) parameters.Add("expire=" + days);
        return $"/structures/{structureId}/parc.csv" + (parameters.Count > 0 ? "?" + string.Join("&", parameters) : "");
    }

    private static string? SearchTextOf(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
