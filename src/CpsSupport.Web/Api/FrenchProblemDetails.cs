using System.Diagnostics;

namespace CpsSupport.Web.Api;

/// <summary>RFC 7807 problem details with French titles, for every error the application writes (API and others).</summary>
public static class FrenchProblemDetails
{
    public static IServiceCollection AddFrenchProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            problem.Status = status;
            if (Title(status) is { } title) problem.Title = title;
            // Status code pages (routing, binding) give no detail: say in French what went wrong.
            problem.Detail ??= DefaultDetail(status);
            if (status >= 500)
            {
                // Never leak internals: the trace id is enough to find the exception in the logs.
                problem.Detail = "Une erreur inattendue s'est produite. Si elle persiste, contactez le support en indiquant l'identifiant de trace.";
                problem.Extensions.Remove("exception");
            }
            problem.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        });

    private static string? DefaultDetail(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Un paramètre de la requête est absent, mal formé ou d'un type inattendu.",
        StatusCodes.Status404NotFound => "La ressource demandée n'existe pas ou n'est pas accessible avec vos droits.",
        StatusCodes.Status405MethodNotAllowed => "Cette méthode HTTP n'est pas acceptée à cette adresse (voir l'en-tête Allow).",
        StatusCodes.Status415UnsupportedMediaType => "Le corps de la requête doit être au format JSON (Content-Type: application/json).",
        _ => null,
    };

    public static string? Title(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Requête invalide",
        StatusCodes.Status401Unauthorized => "Authentification requise",
        StatusCodes.Status403Forbidden => "Accès refusé",
        StatusCodes.Status404NotFound => "Ressource introuvable",
        StatusCodes.Status405MethodNotAllowed => "Méthode non autorisée",
        StatusCodes.Status409Conflict => "Conflit",
        StatusCodes.Status415UnsupportedMediaType => "Type de contenu non pris en charge",
        StatusCodes.Status422UnprocessableEntity => "Opération refusée",
        StatusCodes.Status423Locked => "Compte verrouillé",
        StatusCodes.Status429TooManyRequests => "Trop de requêtes",
        >= 500 => "Erreur interne",
        _ => null,
    };
}
