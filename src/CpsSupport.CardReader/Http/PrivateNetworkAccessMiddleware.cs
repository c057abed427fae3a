using Microsoft.Extensions.Options;

namespace CpsSupport.CardReader.Http;

/// <summary>
/// Chromium asks a loopback service, in the CORS preflight, whether a page of a public site may reach it
/// (Private Network Access): yes, for the configured origin only.
/// </summary>
public sealed class PrivateNetworkAccessMiddleware(RequestDelegate next, IOptions<CardReaderOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsOptions(request.Method)
            && request.Headers["Access-Control-Request-Private-Network"] == "true"
            && options.Value.AllowedOrigin is { Length: > 0 } allowed
            && string.Equals(request.Headers.Origin.ToString(), allowed.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers["Access-Control-Allow-Private-Network"] = "true";
        }
        return next(context);
    }
}
