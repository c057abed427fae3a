using System.Security.Claims;
using CpsSupport.Features.Access;
using CpsSupport.Features.Tickets;

namespace CpsSupport.Web.Features.Tickets;

/// <summary><c>/pieces-jointes/{id}</c>: downloads an attachment of a ticket the signed-in user may see.</summary>
public static class AttachmentEndpoints
{
    public static IEndpointRouteBuilder MapAttachmentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/pieces-jointes/{id:guid}", async (Guid id, ClaimsPrincipal user, AccessScopeService scopes, TicketService tickets, CancellationToken ct) =>
        {
            var scope = await scopes.ForAsync(user, ct);
            var file = await tickets.OpenAttachmentAsync(scope, id, ct);
            // Always a download, never rendered inline: an attached HTML or SVG must not run in the application's origin.
            return file is null ? Results.NotFound() : Results.File(file.Content, "application/octet-stream", file.FileName);
        }).RequireAuthorization().ExcludeFromDescription();
        return app;
    }
}
