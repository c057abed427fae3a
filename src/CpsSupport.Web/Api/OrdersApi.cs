using System.Security.Claims;
using CpsSupport.Features.Access;
using CpsSupport.Features.Orders;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CpsSupport.Web.Api;

/// <summary>
/// <c>/api/v1/orders</c>: card orders (F101, F201, F301, F414) with the same rules and scope as the screens — filing,
/// checking, CSV import, the desk's bulk validation and the simulated production step. Pieces and rejection go through
/// <c>/api/v1/requests/{id}/missing-pieces</c> and <c>/reject</c>.
/// </summary>
public static class OrdersApi
{
    private static readonly string[] SortKeys = ["CreatedAt", "Number", "Status"];

    public static RouteGroupBuilder MapOrdersApi(this RouteGroupBuilder api)
    {
        var orders = api.MapGroup("/orders").WithTags("Commandes");
        orders.MapGet("/", SearchAsync).WithSummary("Les commandes de cartes visibles (file de validation, commandes d'une structure)");
        orders.MapGet("/{id:guid}", GetAsync).WithSummary("Une commande, ses lignes et la chronologie de chaque carte");
        orders.MapPost("/check", CheckAsync).WithSummary("Vérifie une commande selon les règles, ligne par ligne, sans l'enregistrer");
        orders.MapPost("/", FileAsync).WithSummary("Dépose une commande de cartes (plusieurs porteurs)");
        orders.MapPost("/import/preview", PreviewImportAsync).WithSummary("Contrôle un fichier CSV de porteurs, ligne par ligne, sans rien enregistrer");
        orders.MapPost("/import", ImportAsync).WithSummary("Importe un fichier CSV de porteurs : toute la commande ou rien");
        orders.MapPost("/validate", ValidateAsync).WithSummary("Valide des commandes en masse (guichet)");
        orders.MapPost("/{id:guid}/advance", AdvanceAsync).WithSummary("Fait avancer chaque carte d'une étape de fabrication (production simulée, guichet)");
        return api;
    }

    public sealed record OrderFiling(
        Guid StructureId, FormCode Form, RequestChannel Channel, RequesterCapacity Capacity, IReadOnlyList<NewOrderLine>? Lines,
        Address? DeliveryAddress = null, Guid? DeclarantPersonId = null, string? DeclarantName = null, Guid? IdDocumentAttachmentId = null,
        string? Comment = null, Guid? TicketId = null)
    {
        public NewOrder ToOrder() => new(StructureId, Form, Channel, Capacity, Lines ?? [], DeliveryAddress, DeclarantPersonId, DeclarantName,
            IdDocumentAttachmentId, Comment, TicketId);
    }

    public sealed record Validation(IReadOnlyList<Guid> Ids);

    public sealed record Advance(int LinesAdvanced);

    private static async Task<Results<Ok<PagedResponse<OrderRow>>, ProblemHttpResult>> SearchAsync(
        ClaimsPrincipal user, AccessScopeService scopes, OrderService service, CancellationToken ct,
        Guid? structureId = null, RequestStatus? status = null, FormCode? form = null, bool? openOnly = null, string? search = null,
        int? page = null, int? pageSize = null, string? sortBy = null, bool? desc = null)
    {
        var (request, error) = ApiPaging.Parse(page, pageSize, sortBy, desc, SortKeys);
        if (request is null) return ApiProblems.BadRequest(error!);
        var scope = await scopes.ForAsync(user, ct);
        var result = await service.SearchAsync(scope, new OrderQuery(structureId, status, openOnly ?? false, search, form), request, ct);
        return TypedResults.Ok(ApiPaging.Response(result, request));
    }

    private static async Task<Results<Ok<OrderDetail>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, AccessScopeService scopes, OrderService service, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(user, ct);
        return await service.GetAsync(scope, id, ct) is { } order ? TypedResults.Ok(order) : ApiProblems.NotFound();
    }

    private static async Task<Results<Ok<OrderCheck>, ProblemHttpResult>> CheckAsync(OrderFiling body, ClaimsPrincipal user, AccessScopeService scopes, OrderService service, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(user, ct);
        return await Guard(async () => TypedResults.Ok(await service.CheckAsync(scope, body.ToOrder(), ct)));
    }

    /// <summary>201 for a new order; 200 with <c>alreadyFiled</c> when the same order was filed before.</summary>
    private static async Task<Results<Created<OrderOutcome>, Ok<OrderOutcome>, ProblemHttpResult>> FileAsync(
        OrderFiling body, ClaimsPrincipal user, AccessScopeService scopes, OrderService service, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(user, ct);
        try
        {
            var outcome = await service.FileAsync(scope, body.ToOrder(), ct);
            return outcome.AlreadyFiled ? TypedResults.Ok(outcome) : TypedResults.Created($"{ApiEndpoints.Prefix}/orders/{outcome.RequestId}", outcome);
        }
        catch (RequestException e)
        {
            return Problem(e);
        }
    }

    private static async Task<Results<Ok<OrderImportPreview>, ProblemHttpResult>> PreviewImportAsync(
        HttpRequest http, Guid structureId, FormCode form, ClaimsPrincipal user, AccessScopeService scopes, OrderImportService service, CancellationToken ct,
        RequestChannel channel = RequestChannel.Portal, RequesterCapacity capacity = RequesterCapacity.Mandatary)
    {
        var scope = await scopes.ForAsync(user, ct);
        var order = new NewOrder(structureId, form, channel, capacity, []);
        return await Guard(async () => TypedResults.Ok(await service.PreviewAsync(scope, order, await BodyAsync(http, ct), ct)));
    }

    /// <summary>The CSV is the request body (text/csv). 422 with the per-line errors (<c>lines</c>) when any line is refused: nothing is saved.</summary>
    private static async Task<Results<Created<OrderOutcome>, Ok<OrderOutcome>, UnprocessableEntity<OrderImportPreview>, ProblemHttpResult>> ImportAsync(
        HttpRequest http, Guid structureId, FormCode form, ClaimsPrincipal user, AccessScopeService scopes, OrderImportService service, CancellationToken ct,
        RequestChannel channel = RequestChannel.Portal, RequesterCapacity capacity = RequesterCapacity.Mandatary)
    {
        var scope = await scopes.ForAsync(user, ct);
        try
        {
            var outcome = await service.ImportAsync(scope, new NewOrder(structureId, form, channel, capacity, []), await BodyAsync(http, ct), ct);
            return outcome.AlreadyFiled ? TypedResults.Ok(outcome) : TypedResults.Created($"{ApiEndpoints.Prefix}/orders/{outcome.RequestId}", outcome);
        }
        catch (OrderImportRejectedException e)
        {
            return TypedResults.UnprocessableEntity(e.Preview);
        }
        catch (RequestException e)
        {
            return Problem(e);
        }
    }

    private static async Task<Results<Ok<BulkValidation>, ProblemHttpResult>> ValidateAsync(Validation body, ClaimsPrincipal user, AccessScopeService scopes, OrderService service, CancellationToken ct)
    {
        if (body.Ids is not { Count: > 0 }) return ApiProblems.BadRequest("Indiquez au moins une commande à valider.");
        var scope = await scopes.ForAsync(user, ct);
        return await Guard(async () => TypedResults.Ok(await service.ValidateAsync(scope, body.Ids, ct)));
    }

    private static async Task<Results<Ok<Advance>, ProblemHttpResult>> AdvanceAsync(Guid id, ClaimsPrincipal user, AccessScopeService scopes, OrderService service, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(user, ct);
        return await Guard(async () => TypedResults.Ok(new Advance(await service.AdvanceAsync(scope, id, ct))));
    }

    /// <summary>The body, bounded: a file above the import limit is refused before it is read in full.</summary>
    private static async Task<Stream> BodyAsync(HttpRequest http, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > OrderImportService.MaxFileBytes)
                throw new RequestException($"Le fichier dépasse {OrderImportService.MaxFileBytes / 1024} Ko.");
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return buffer;
    }

    private static async Task<Results<T, ProblemHttpResult>> Guard<T>(Func<Task<T>> action) where T : IResult
    {
        try
        {
            return await action();
        }
        catch (RequestException e)
        {
            return Problem(e);
        }
    }

    private static ProblemHttpResult Problem(RequestException e) => e switch
    {
        RequestConflictException => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: e.Message),
        RequestNotFoundException => ApiProblems.NotFound(),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, detail: e.Message),
    };
}
