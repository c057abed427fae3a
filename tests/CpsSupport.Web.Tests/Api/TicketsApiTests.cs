using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CpsSupport.Features.Tickets;
using CpsSupport.Web.Tests.TestUtilities;

namespace CpsSupport.Web.Tests.Api;

/// <summary>Tickets through the API: the same rules as the screens, portal users limited to their structures.</summary>
[Collection(RegistryCollection.Name)]
public sealed class TicketsApiTests(RegistryScenario app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private async Task<TicketCreated> CreateAsync(HttpClient client, string subject, Guid structureId, TicketCategory category = TicketCategory.Loss)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/tickets",
            new NewTicket(subject, TicketChannel.Phone, category, StructureId: structureId, FirstNote: "Appel du porteur"), Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TicketCreated>(Json))!;
    }

    [Fact]
    public async Task Agent_creates_a_ticket_replies_and_finds_it_in_the_queue_and_by_search()
    {
        using var agent = app.ApiClientFor(RegistryScenario.AgentEmail);
        var created = await CreateAsync(agent, "Carte égarée en officine", app.A.Id);

        using var reply = await agent.PostAsJsonAsync($"/api/v1/tickets/{created.Id}/messages",
            new NewTicketMessage(TicketMessageKind.PublicReply, "Nous avons mis votre carte en opposition."), Json);
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);

        var detail = (await agent.GetFromJsonAsync<TicketDetail>($"/api/v1/tickets/{created.Id}", Json))!;
        Assert.Equal(TicketState.InProgress, detail.State);
        Assert.Contains(detail.Timeline, e => e.Kind == TimelineEntryKind.PublicReply && e.Text.Contains("opposition"));
        var hits = (await agent.GetFromJsonAsync<List<TicketSearchHit>>("/api/v1/tickets/search?q=perte%20carte", Json))!;
        Assert.Contains(hits, h => h.Id == created.Id);
        using var queue = await agent.GetAsync($"/api/v1/tickets?search={created.Number}&view=All");
        Assert.Contains(created.Number, await queue.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(RegistryScenario.ManagerEmail)]
    [InlineData(RegistryScenario.MandataryEmail)]
    public async Task Portal_user_of_A_gets_404_for_a_ticket_of_B_and_never_sees_it_listed(string email)
    {
        using var agent = app.ApiClientFor(RegistryScenario.AgentEmail);
        var ofB = await CreateAsync(agent, "Vol de carte structure B", app.B.Id, TicketCategory.Theft);
        using var portal = app.ApiClientFor(email);

        foreach (var url in new[] { $"/api/v1/tickets/{ofB.Id}" })
        {
            using var response = await portal.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("structure B", await response.Content.ReadAsStringAsync());
        }
        using var message = await portal.PostAsJsonAsync($"/api/v1/tickets/{ofB.Id}/messages", new NewTicketMessage(TicketMessageKind.PublicReply, "?"), Json);
        Assert.Equal(HttpStatusCode.NotFound, message.StatusCode);
        var list = await portal.GetStringAsync("/api/v1/tickets?view=All&pageSize=200");
        Assert.DoesNotContain(ofB.Number, list);
        var hits = await portal.GetStringAsync($"/api/v1/tickets/search?q={ofB.Number}");
        Assert.DoesNotContain(ofB.Number, hits);
    }

    [Fact]
    public async Task Portal_user_cannot_add_an_internal_note_or_change_a_state()
    {
        using var agent = app.ApiClientFor(RegistryScenario.AgentEmail);
        var ofA = await CreateAsync(agent, "Commande en attente", app.A.Id, TicketCategory.CardOrder);
        using var manager = app.ApiClientFor(RegistryScenario.ManagerEmail);

        using var note = await manager.PostAsJsonAsync($"/api/v1/tickets/{ofA.Id}/messages", new NewTicketMessage(TicketMessageKind.InternalNote, "interne"), Json);
        using var state = await manager.PostAsJsonAsync($"/api/v1/tickets/{ofA.Id}/state", new { state = "Closed" });

        await ProblemAssert.IsFrenchProblemAsync(note, HttpStatusCode.UnprocessableEntity, "Seul le support peut ajouter une note interne.");
        await ProblemAssert.IsFrenchProblemAsync(state, HttpStatusCode.UnprocessableEntity, "Cette action est réservée au support.");
    }

    [Fact]
    public async Task State_change_over_an_old_version_is_a_409_and_a_forbidden_transition_a_422()
    {
        using var agent = app.ApiClientFor(RegistryScenario.AgentEmail);
        var created = await CreateAsync(agent, "Lecteur non reconnu", app.A.Id, TicketCategory.ReaderSetup);
        var seen = (await agent.GetFromJsonAsync<TicketDetail>($"/api/v1/tickets/{created.Id}", Json))!;
        using var first = await agent.PostAsJsonAsync($"/api/v1/tickets/{created.Id}/state", new { state = "Closed", version = seen.Version });
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);

        using var stale = await agent.PostAsJsonAsync($"/api/v1/tickets/{created.Id}/state", new { state = "Resolved", version = seen.Version });
        using var forbidden = await agent.PostAsJsonAsync($"/api/v1/tickets/{created.Id}/state", new { state = "InProgress" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains(created.Number, await stale.Content.ReadAsStringAsync());
        await ProblemAssert.IsFrenchProblemAsync(forbidden, HttpStatusCode.UnprocessableEntity, "Un ticket clos ne peut plus changer d'état : ouvrez un nouveau ticket.");
    }
}
