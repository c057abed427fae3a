using System.Security.Claims;
using CpsSupport.Features.Access;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Incidents;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CpsSupport.Web.Api;

/// <summary>
/// <c>/api/v1/requests</c>, <c>/incidents</c>, the structure forms and <c>/revocations</c>: the request workflow, F501
/// declarations, F502–F504 filings and the revocation list, with the same rules and scope as the screens.
/// </summary>
public static class RequestsApi
{
    private static readonly string[] SortKeys = ["CreatedAt", "Number", "Status", "Form"];

    public static RouteGroupBuilder MapRequestsApi(this RouteGroupBuilder api)
    {
        var requests = api.MapGroup("/requests").WithTags("Demandes");
        requests.MapGet("/", SearchAsync).WithSummary("Recherche des demandes (numéro, n° de série, structure, déclarant) et filtres");
        requests.MapGet("/{id:guid}", GetAsync).WithSummary("Une demande, sa chronologie et les statuts possibles");
        requests.MapPost("/{id:guid}/status", ChangeStatusAsync).WithSummary("Fait avancer la demande dans le circuit (guichet)");
        requests.MapPost("/{id:guid}/missing-pieces", RequestPiecesAsync).WithSummary("Réclame des pièces au demandeur (guichet)");
        requests.MapPost("/{id:guid}/reject", RejectAsync).WithSummary("Rejette la demande avec un motif (guichet)");

        var incidents = api.MapGroup("/incidents").WithTags("Demandes");
        incidents.MapPost("/check", CheckIncidentAsync).WithSummary("Vérifie une déclaration F501 selon les règles, sans l'enregistrer");
        incidents.MapPost("/", DeclareIncidentAsync).WithSummary("Dépose une déclaration d'incident F501 et en applique l'effet");
        incidents.MapPost("/{id:guid}/pieces", ProvideIncidentPiecesAsync).WithSummary("Joint la pièce d'identité manquante d'une déclaration F501");

        var structures = api.MapGroup("/structures").WithTags("Demandes");
        structures.MapPost("/{id:guid}/mandataries", ChangeMandatariesAsync).WithSummary("F502 : désigne ou supprime des mandataires");
        structures.MapGet("/{id:guid}/technical-administrators", TechnicalAdministratorsAsync)
            .WithSummary("F503 : les administrateurs techniques de certificats logiciels de la structure");
        structures.MapPost("/{id:guid}/technical-administrators", ChangeTechnicalAdministratorsAsync)
            .WithSummary("F503 : ajoute ou retire des administrateurs techniques de certificats logiciels");
        structures.MapPost("/{id:guid}/delivery-address", ChangeDeliveryAddressAsync).WithSummary("F504 : change l'adresse de livraison des cartes");

        api.MapGet("/revocations", RevocationsJsonAsync).WithTags("Liste d'opposition").WithSummary("Les cartes en opposition (JSON)");
        api.MapGet("/revocations.csv", RevocationsCsvAsync).WithTags("Liste d'opposition").WithSummary("Les cartes en opposition (CSV pour tableur)");
        return api;
    }

    public sealed record StatusChange(RequestStatus Status, string? Reason = null, uint? Version = null);

    public sealed record PiecesRequest(IReadOnlyList<string> Pieces, uint? Version = null);

    public sealed record Rejection(string Reason, uint? Version = null);

    public sealed record MandatariesChange(
        RequestChannel Channel, RequesterCapacity Capacity, IReadOnlyList<Guid>? Designate = null, IReadOnlyList<Guid>? Remove = null,
        Guid? DeclarantPersonId = null, string? DeclarantName = null, Guid? IdDocumentAttachmentId = null, string? Comment = null, Guid? TicketId = null);

    public sealed record TechnicalAdministratorsChange(
        RequestChannel Channel, RequesterCapacity Capacity, IReadOnlyList<Guid>? Add = null, IReadOnlyList<Guid>? Remove = null,
        Guid? DeclarantPersonId = null, string? DeclarantName = null, Guid? IdDocumentAttachmentId = null, string? Comment = null, Guid? TicketId = null);

    public sealed record DeliveryAddressChange(
        RequestChannel Channel, RequesterCapacity Capacity, Address Address,
        Guid? DeclarantPersonId = null, string? DeclarantName = null, Guid? IdDocumentAttachmentId = null, string? Comment = null, Guid? TicketId = null);

    private static async Task<Results<Ok<PagedResponse<RequestRow>>, ProblemHttpResult>> SearchAsync(
        ClaimsPrincipal user, AccessScopeService scopes, RequestService service, CancellationToken ct,
        string? search = null, FormCode? form = null, RequestStatus? status = null, Guid? structureId = null, Guid? cardId = null,
        Guid? personId = null, Guid? ticketId = null, bool? openOnly = null, int? page = null, int? pageSize = null, string? sortBy = null, bool? desc = null)
    {
        var (request, error) = ApiPaging.Parse(page, pageSize, sortBy, desc, SortKeys);
        if (request is null) return ApiProblems.BadRequest(error!);
        var scope = await scopes.ForAsync(user, ct);
        var query = new RequestQuery(search, form, status, structureId, cardId, personId, ticketId, openOnly ?? false);
        return TypedResults.Ok(ApiPaging.Response(await service.SearchAsync(scope, query, request, ct), request));
    }

    private static async Task<Results<Ok<RequestDetail>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, AccessScopeService scopes, RequestService service, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(user, ct);
        return await service.GetAsync(scope, id, ct) is { } request ? TypedResults.Ok(request) : ApiProblems.NotFound();
    }

    private static async Task<Results<Ok<RequestDetail>, ProblemHttpResult>> ChangeStatusAsync(
        Guid id, StatusChange change, ClaimsPrincipal user, AccessScopeService scopes, RequestService service, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(user, ct);
        return await Guard(async () =>
        {
            await service.ChangeStatusAsync(scope, id, change.Status, change.Reason, change.Version, ct);
            return await DetailAsync(service, scope, id, ct);
        });
    }

    private static async Task<Results<Ok<RequestDetail>, ProblemHttpResult>> RequestPiecesAsync(
        Guid id, PiecesRequest body, ClaimsPrincipal user, AccessScopeService scopes, RequestService service, CancellationToken ct)
    {
        if (body.Pieces is not { Count: > 0 }) return ApiProblems.BadRequest("Indiquez au moins une pièce manquante.");
        var scope = await scopes.ForAsync(user, ct);
        return await Guard(async () =>
        {
            await service.RequestPiecesAsync(scope, id, body.Pieces, body.Version, ct);
            return await DetailAsync(service, scope, id, ct);
        });
    }

    private static async Task<Results<Ok<RequestDetail>, ProblemHttpResult>> RejectAsync(
        Guid id, Rejection body, ClaimsPrincipal user, AccessScopeService scopes, RequestService service, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Reason)) return ApiProblems.BadRequest("Le motif du rejet est obligatoire.");
        var scope = await scopes.ForAsync(user, ct);
        return await Guard(async () =>
        {
            await service.RejectAsync(scope, id, body.Reason, body.Version, ct);
            return await DetailAsync(service, scope, id, ct);
        });
    }

    private static async Task<Results<Ok<IncidentCheck>, ProblemHttpResult>> CheckIncidentAsync(
        NewIncident incident, ClaimsPrincipal user, AccessScopeService scopes, IncidentService service, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(user, ct);
        return await Guard(async () => TypedResults.Ok(await service.CheckAsync(scope, incident, ct)));
    }

    /// <summary>201 for a new declaration; 200 with <c>alreadyDeclared</c> when the same one was filed before.</summary>
    private static async Task<Results<Created<IncidentOutcome>, Ok<IncidentOutcome>, ProblemHttpResult>> DeclareIncidentAsync(
        NewIncident incident, ClaimsPrincipal user, AccessScopeService scopes, IncidentService service, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(user, ct);
        try
        {
            var outcome = await service.DeclareAsync(scope, incident, ct);
            return outcome.AlreadyDeclared
                ? TypedResults.Ok(outcome)
                : TypedResults.Created($"{ApiEndpoints.Prefix}/requests/{outcome.RequestId}", outcome);
        }
        catch (RequestException e)
        {
            return Problem(e);
        }
    }

    private static async Task<Results<Ok<IncidentOutcome>, ProblemHttpResult>> ProvideIncidentPiecesAsync(
        Guid id, IncidentPieces pieces, ClaimsPrincipal user, AccessScopeService scopes, IncidentService service, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(user, ct);
        return await Guard(async () => TypedResults.Ok(await service.ProvidePiecesAsync(scope, id, pieces, ct)));
    }

    private static async Task<Results<Ok<StructureRequestOutcome>, ProblemHttpResult>> ChangeMandatariesAsync(
        Guid id, MandatariesChange body, ClaimsPrincipal user, AccessScopeService scopes, StructureRequestService service, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(user, ct);
        var filing = new StructureFiling(id, body.Channel, body.Capacity, body.DeclarantPersonId, body.DeclarantName, body.IdDocumentAttachmentId, body.Comment, body.TicketId);
        return await Guard(async () => TypedResults.Ok(await service.ChangeMandatariesAsync(scope, filing, body.Designate ?? [], body.Remove ?? [], ct)));
    }

    private static async Task<Results<Ok<IReadOnlyList<TechnicalAdministratorDto>>, ProblemHttpResult>> TechnicalAdministratorsAsync(
        Guid id, ClaimsPrincipal user, AccessScopeService scopes, StructureRequestService service, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(user, ct);
        return await service.TechnicalAdministratorsAsync(scope, id, ct) is { } administrators ? TypedResults.Ok(administrators) : ApiProblems.NotFound();
    }

    private static async Task<Results<Ok<StructureRequestOutcome>, ProblemHttpResult>> ChangeTechnicalAdministratorsAsync(
        Guid id, TechnicalAdministratorsChange body, ClaimsPrincipal user, AccessScopeService scopes, StructureRequestService service, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(user, ct);
        var filing = new StructureFiling(id, body.Channel, body.Capacity, body.DeclarantPersonId, body.DeclarantName, body.IdDocumentAttachmentId, body.Comment, body.TicketId);
        return await Guard(async () => TypedResults.Ok(await service.ChangeTechnicalAdministratorsAsync(scope, filing, body.Add ?? [], body.Remove ?? [], ct)));
    }

    private static async Task<Results<Ok<StructureRequestOutcome>, ProblemHttpResult>> ChangeDeliveryAddressAsync(
        Guid id, DeliveryAddressChange body, ClaimsPrincipal user, AccessScopeService scopes, StructureRequestService service, CancellationToken ct)
    {
        if (body.Address is null) return ApiProblems.BadRequest("La nouvelle adresse de livraison est obligatoire.");
        var scope = await scopes.ForAsync(user, ct);
        var filing = new StructureFiling(id, body.Channel, body.Capacity, body.DeclarantPersonId, body.DeclarantName, body.IdDocumentAttachmentId, body.Comment, body.TicketId);
        return await Guard(async () => TypedResults.Ok(await service.ChangeDeliveryAddressAsync(scope, filing, body.Address, ct)));
    }

    private static async Task<PushStreamHttpResult> RevocationsJsonAsync(
        ClaimsPrincipal user, AccessScopeService scopes, RevocationListService service, CancellationToken ct,
        DateTimeOffset? since = null, Guid? structureId = null)
    {
        var scope = await scopes.ForAsync(user, ct);
        return TypedResults.Stream(stream => service.WriteJsonAsync(scope, new RevocationQuery(since, structureId), stream, ct), "application/json");
    }

    private static async Task<PushStreamHttpResult> RevocationsCsvAsync(
        ClaimsPrincipal user, AccessScopeService scopes, RevocationListService service, CancellationToken ct,
        DateTimeOffset? since = null, Guid? structureId = null)
    {
        var scope = await scopes.ForAsync(user, ct);
        return TypedResults.Stream(stream => service.WriteCsvAsync(scope, new RevocationQuery(since, structureId), stream, ct),
            "text/csv; charset=utf-8", "liste-opposition.csv");
    }

    private static async Task<Ok<RequestDetail>> DetailAsync(RequestService service, AccessScope scope, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(scope, id, ct) ?? throw new RequestNotFoundException());

    /// <summary>A refused operation is a 409 (changed meanwhile), 404 (not visible) or 422 (rule), with the service's French message.</summary>
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
