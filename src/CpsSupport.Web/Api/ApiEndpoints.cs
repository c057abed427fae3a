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
        api.MapRequestsApi();
        api.MapFleetApi();
        api.MapOrdersApi();
        // No fallback route for /api: it would win over routing's 405 and 415 answers. Unknown paths, wrong methods and
        // media types get their problem body from the status code pages of Program.cs.
        return app;
    }
}
