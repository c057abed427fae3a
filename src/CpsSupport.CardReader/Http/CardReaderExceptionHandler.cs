using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CpsSupport.CardReader.Http;

/// <summary>Reader errors as French problem details (404 no reader/card, 409 removed, 422 wrong PIN, 423 locked, 503 module).</summary>
public sealed class CardReaderExceptionHandler(IProblemDetailsService problems, ILogger<CardReaderExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is CardReaderException e)
        {
            logger.LogInformation("Card reader error {Error} on {Path}", e.Error, httpContext.Request.Path);
            problem = new ProblemDetails { Status = e.StatusCode, Title = e.Title, Detail = e.Message, Type = $"urn:cpssupport:card-reader:{e.Error}" };
            problem.Extensions["error"] = e.Error.ToString();
            if (e.Flags is { } flags) problem.Extensions["flags"] = flags;
        }
        else
        {
            logger.LogError(exception, "Unexpected error on {Path}", httpContext.Request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "Erreur du module de lecture", Detail = "Une erreur inattendue est survenue : consultez le journal du module." };
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
