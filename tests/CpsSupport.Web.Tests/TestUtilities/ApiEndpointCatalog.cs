using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace CpsSupport.Web.Tests.TestUtilities;

/// <summary>One method and route of the API, as the running application maps it.</summary>
public sealed record ApiEndpoint(string Method, RoutePattern Pattern, bool AllowsAnonymous)
{
    /// <summary>The route as OpenAPI writes it: no constraints, no trailing slash (e.g. /api/v1/cards/{id}).</summary>
    public string Template => "/" + string.Join("/", Pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
        RoutePatternSeparatorPart separator => separator.Content,
        _ => throw new NotSupportedException(part.GetType().Name),
    }))));

    public bool HasParameters => Pattern.Parameters.Count > 0;

    /// <summary>A concrete URL, each route parameter replaced by the value given for its name.</summary>
    public string Url(Func<string, string> valueOf) => "/" + string.Join("/", Pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternParameterPart parameter => Uri.EscapeDataString(valueOf(parameter.Name)),
        RoutePatternSeparatorPart separator => separator.Content,
        _ => throw new NotSupportedException(part.GetType().Name),
    }))));

    public override string ToString() => $"{Method} {Template}";
}

/// <summary>
/// The /api/v1 endpoints read from the application's <see cref="EndpointDataSource"/>, so a test written against the
/// catalogue also covers endpoints added later.
/// </summary>
public static class ApiEndpointCatalog
{
    public const string Prefix = "/api/v1/";

    public static IReadOnlyList<ApiEndpoint> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => ("/" + e.RoutePattern.RawText?.TrimStart('/')).StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get])
                .Select(method => new ApiEndpoint(method, e.RoutePattern, e.Metadata.GetMetadata<IAllowAnonymous>() is not null)))
            .OrderBy(e => e.Template, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();
}
