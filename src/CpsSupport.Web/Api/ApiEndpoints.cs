using CpsSupport.Web.Security;

namespace CpsSupport.Web.Api;

/// <summary>The REST API, version 1: bearer tokens only, French problem details, data filtered by AccessScope.</summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    public static IEndpointRouteBuilder MapCpsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).RequireAuthorization(Policies.Api);
        api.MapAuthApi();
        api.MapMeTokensApi();
        api.MapStructuresApi();
        api.MapPeopleApi();
        api.MapCardsApi();
        api.MapTicketsApi();
        // An unknown API path answers a problem, not the HTML of the Blazor app.
        app.MapFallback("/api/{**path}", () => ApiProblems.NotFound()).ExcludeFromDescription();
        return app;
    }
}
