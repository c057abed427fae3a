using System.Security.Claims;
using CpsSupport.Features.Access;
using CpsSupport.Features.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CpsSupport.Web.Api;

/// <summary><c>/api/v1/tickets</c>: the queue, search, a ticket with its timeline, creation, messages and notes, state and assignment.</summary>
public static class TicketsApi
{
    private static readonly string[] SortKeys = ["ResolutionDueAt", "Number", "CreatedAt", "LastActivityAt", "Subject", "State", "Priority"];

    public static RouteGroupBuilder MapTicketsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tickets").WithTags("Tickets");
        group.MapGet("/", QueueAsync).WithSummary("La file des tickets pour une vue enregistrée (view=Mine, Unassigned, Overdue…) et des filtres");
        group.MapGet("/search", SearchAsync).WithSummary("Recherche plein texte (français) et par identifiant, triée par pertinence");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("Un ticket et sa chronologie");
        group.MapPost("/", CreateAsync).WithSummary("Crée un ticket");
        group.MapPost("/{id:guid}/messages", AddMessageAsync).WithSummary("Ajoute une réponse, une note interne ou une note d'appel");
        group.MapPost("/{id:guid}/state", ChangeStateAsync).WithSummary("Change l'état du ticket selon le cycle autorisé");
        group.MapPost("/{id:guid}/assignee", AssignAsync).WithSummary("Assigne le ticket (ou le désassigne)");
        return api;
    }

    public sealed record StateChange(TicketState State, uint? Version);

    public sealed record Assignment(Guid? AssigneeId, uint? Version);

    private static async Task<Results<Ok<PagedResponse<TicketRow>>, ProblemHttpResult>> QueueAsync(
        ClaimsPrincipal user, AccessScopeService scopes, TicketQueryService queries, CancellationToken ct,
        TicketView? view = null, Guid? queueId = null, TicketState? state = null, TicketCategory? category = null, TicketPriority? priority = null,
        Guid? assigneeId = null, string? search = null, string? tag = null, Guid? personId = null, Guid? structureId = null,
        int? page = null, int? pageSize = null, string? sortBy = null, bool? desc = null)
    {
        var (request, error) = ApiPaging.Parse(page, pageSize, sortBy, desc, SortKeys);
        if (request is null) return ApiProblems.BadRequest(error!);
        var scope = await scopes.ForAsync(user, ct);
        var query = new TicketQuery(view ?? TicketView.AllOpen, queueId, state, category, priority, assigneeId, search, tag, personId, structureId);
        return TypedResults.Ok(ApiPaging.Response(await queries.QueueAsync(scope, query, request, ct), request));
    }

    private static async Task<Results<Ok<IReadOnlyList<TicketSearchHit>>, ProblemHttpResult>> SearchAsync(
        string? q, ClaimsPrincipal user, AccessScopeService scopes, TicketQueryService queries, CancellationToken ct, int? limit = null)
    {
        if (string.IsNullOrWhiteSpace(q)) return ApiProblems.BadRequest("Le paramètre q (texte recherché) est obligatoire.");
        var scope = await scopes.ForAsync(user, ct);
        return TypedResults.Ok(await queries.SearchAsync(scope, q, limit ?? 20, ct));
    }

    private static async Task<Results<Ok<TicketDetail>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, AccessScopeService scopes, TicketQueryService queries, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(user, ct);
        return await queries.GetAsync(scope, id, ct) is { } ticket ? TypedResults.Ok(ticket) : ApiProblems.NotFound();
    }

    private static async Task<Results<Created<TicketCreated>, ProblemHttpResult>> CreateAsync(
        NewTicket ticket, ClaimsPrincipal user, AccessScopeService scopes, TicketService tickets, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(user, ct);
        return await Guard(async () =>
        {
            var created = await tickets.CreateAsync(scope, ticket, ct);
            return TypedResults.Created($"{ApiEndpoints.Prefix}/tickets/{created.Id}", created);
        });
    }

    private static async Task<Results<Created, ProblemHttpResult>> AddMessageAsync(
        Guid id, NewTicketMessage message, ClaimsPrincipal user, AccessScopeService scopes, TicketService tickets, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(user, ct);
        return await Guard(async () =>
        {
            await tickets.AddMessageAsync(scope, id, message, ct);
            return TypedResults.Created($"{ApiEndpoints.Prefix}/tickets/{id}");
        });
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeStateAsync(
        Guid id, StateChange change, ClaimsPrincipal user, AccessScopeService scopes, TicketService tickets, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(user, ct);
        return await Guard(async () =>
        {
            await tickets.ChangeStateAsync(scope, id, change.State, change.Version, ct);
            return TypedResults.NoContent();
        });
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AssignAsync(
        Guid id, Assignment assignment, ClaimsPrincipal user, AccessScopeService scopes, TicketService tickets, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(user, ct);
        return await Guard(async () =>
        {
            await tickets.AssignAsync(scope, id, assignment.AssigneeId, assignment.Version, ct);
            return TypedResults.NoContent();
        });
    }

    /// <summary>A refused operation is a 409 (conflict), 404 (not visible) or 422 (rule), with the service's French message.</summary>
    private static async Task<Results<T, ProblemHttpResult>> Guard<T>(Func<Task<T>> action) where T : IResult
    {
        try
        {
            return await action();
        }
        catch (TicketConflictException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: e.Message);
        }
        catch (TicketNotFoundException)
        {
            return ApiProblems.NotFound();
        }
        catch (TicketException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, detail: e.Message);
        }
    }
}
