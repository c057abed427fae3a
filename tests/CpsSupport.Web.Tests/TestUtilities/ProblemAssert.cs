using System.Net;
using System.Text.Json;

namespace CpsSupport.Web.Tests.TestUtilities;

/// <summary>Checks an RFC 7807 answer: status, application/problem+json, a French title and a detail.</summary>
public static class ProblemAssert
{
    /// <summary>The titles users and API clients must read, written here rather than read from the code under test.</summary>
    private static readonly Dictionary<HttpStatusCode, string> FrenchTitles = new()
    {
        [HttpStatusCode.BadRequest] = "Requête invalide",
        [HttpStatusCode.Unauthorized] = "Authentification requise",
        [HttpStatusCode.Forbidden] = "Accès refusé",
        [HttpStatusCode.NotFound] = "Ressource introuvable",
        [HttpStatusCode.MethodNotAllowed] = "Méthode non autorisée",
        [HttpStatusCode.UnsupportedMediaType] = "Type de contenu non pris en charge",
        [HttpStatusCode.UnprocessableEntity] = "Opération refusée",
        [HttpStatusCode.Conflict] = "Conflit",
        [HttpStatusCode.Locked] = "Compte verrouillé",
    };

    /// <summary>Asserts the problem and returns its body for further checks.</summary>
    public static async Task<JsonElement> IsFrenchProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? detail = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode} for {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(FrenchTitles[status], problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.TryGetProperty("detail", out var d) ? d.GetString() : null), "The problem has no detail: " + body);
        if (detail is not null) Assert.Equal(detail, problem.GetProperty("detail").GetString());
        return problem;
    }
}
