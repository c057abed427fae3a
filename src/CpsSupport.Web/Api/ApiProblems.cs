using Microsoft.AspNetCore.Http.HttpResults;

namespace CpsSupport.Web.Api;

/// <summary>The problem results of the API; titles are set in French by <see cref="FrenchProblemDetails"/>.</summary>
public static class ApiProblems
{
    /// <summary>Same answer for "does not exist" and "not yours": the API never tells which.</summary>
    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
            detail: "La ressource demandée n'existe pas ou n'est pas accessible avec vos droits.");

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: detail);
}
