using System.Security.Claims;
using CpsSupport.Features.Access;
using CpsSupport.Features.Documents;

namespace CpsSupport.Web.Features.Documents;

/// <summary><c>/documents/{id}</c>: downloads a generated form or letter the signed-in user may see.</summary>
public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/documents/{id:guid}", async (Guid id, ClaimsPrincipal user, AccessScopeService scopes, DocumentService documents, CancellationToken ct) =>
        {
            var scope = await scopes.ForAsync(user, ct);
            var file = await documents.OpenAsync(scope, id, ct);
            // A download (Content-Disposition: attachment), like the attachments; a document of another structure is simply not found.
            return file is null ? Results.NotFound() : Results.File(file.Content, file.ContentType, file.FileName);
        }).RequireAuthorization().ExcludeFromDescription();
        return app;
    }
}
