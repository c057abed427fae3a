using CpsSupport.Web.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CpsSupport.Web.Api;

/// <summary>Declares the bearer scheme in the OpenAPI document; <see cref="BearerSecurityRequirementTransformer"/> says which operations need it.</summary>
internal sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "CpsSupport API";
        document.Info.Description = "API du support des cartes CPx. Authentification par jeton : POST /api/v1/auth/token, "
            + "puis en-tête « Authorization: Bearer <jeton> ». Les listes sont paginées (page à partir de 1, pageSize jusqu'à 200).";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiTokenAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Jeton de session (8 h) ou jeton personnel (jusqu'à 365 jours), préfixe cps_.",
        };
        return Task.CompletedTask;
    }
}
