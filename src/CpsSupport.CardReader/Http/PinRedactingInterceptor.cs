using Microsoft.AspNetCore.HttpLogging;

namespace CpsSupport.CardReader.Http;

/// <summary>
/// Request logging keeps bodies for diagnosis, except on <c>/sign</c> whose body holds the PIN: it is replaced by a
/// redacted marker before the logger ever buffers it.
/// </summary>
public sealed class PinRedactingInterceptor : IHttpLoggingInterceptor
{
    public const string Redacted = "{\"challenge\":\"…\",\"pin\":\"[masqué]\"}";

    public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext)
    {
        if (logContext.HttpContext.Request.Path.StartsWithSegments("/sign", StringComparison.OrdinalIgnoreCase))
        {
            logContext.LoggingFields &= ~HttpLoggingFields.RequestBody;
            logContext.AddParameter("RequestBody", Redacted);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext) => ValueTask.CompletedTask;
}
