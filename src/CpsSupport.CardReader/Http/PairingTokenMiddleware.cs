namespace CpsSupport.CardReader.Http;

/// <summary>
/// Every call must carry the pairing token in <c>X-Pairing-Token</c>: CORS keeps other sites' pages out, the token
/// keeps out local programs and pages that get around CORS (DNS rebinding). CORS preflights carry no custom header
/// and are answered by the CORS middleware before this one.
/// </summary>
public sealed class PairingTokenMiddleware(RequestDelegate next, PairingToken token)
{
    public const string HeaderName = "X-Pairing-Token";

    public async Task InvokeAsync(HttpContext context)
    {
        var given = context.Request.Headers[HeaderName].ToString();
        if (!token.Matches(given))
        {
            await Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Module non appairé",
                detail: "Jeton d'appairage absent ou invalide (en-tête X-Pairing-Token) : appairez le module depuis l'application.")
                .ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
