using CpsSupport.Features.Access;
using CpsSupport.Features.Accounts;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Paging;
using CpsSupport.Features.People;
using CpsSupport.Features.Structures;
using CpsSupport.Tests.TestUtilities;
using System.Security.Claims;

namespace CpsSupport.Tests.Features.Access;

/// <summary>
/// A structure manager or mandatary of structure A gets nothing of structure B from any registry query;
/// desk staff get everything; anonymous users get nothing.
/// </summary>
public sealed class AccessScopeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Today = new(2026, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;
    private TestDbContextFactory _factory = null!;
    private readonly MutableClock _clock = new(Today);
    private World _w = null!;

    private sealed record World(
        Guid StructureA, Guid StructureB, Guid CardA, Guid CardB, Guid HolderA, Guid HolderB,
        Guid ManagerUserA, Guid MandataryUserA, Guid ExpiredMandataryUser, Guid AgentUser);

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync();
        _factory = new TestDbContextFactory(_database, _clock);
        await using var db = _database.CreateContext(_clock);
        var build = new RegistryBuilder(db);
        var a = build.Structure("Centre hospitalier A", finess: "010000024");
        var b = build.Structure("Clinique B", finess: "010000032");
        var headA = build.Person("Hélène", "Directrice");
        a.LegalRepresentative = headA;
        b.LegalRepresentative = build.Person("Bruno", "Directeur");
        var mandataryA = build.Person("Marc", "Mandataire");
        build.Mandate(a, mandataryA, new DateOnly(2026, 1, 1));
        var formerMandatary = build.Person("Fanny", "Ancienne");
        build.Mandate(a, formerMandatary, new DateOnly(2025, 1, 1), new DateOnly(2026, 5, 31));
        var holderA = build.Person("Alice", "Infirmiere", "899700026547", "Infirmier");
        var holderB = build.Person("Benoit", "Secretaire");
        var cardA = build.Card(holderA, a, CardType.Cps);
        var cardB = build.Card(holderB, b);
        await build.SaveAsync();

        var users = new[] { ("dir-a", headA.Id), ("mand-a", mandataryA.Id), ("old-mand", formerMandatary.Id), ("agent", (Guid?)null) }
            .Select(u => new AppUser { UserName = u.Item1, Email = u.Item1 + "@example.test", PersonId = u.Item2 is Guid g && g != Guid.Empty ? g : null })
            .ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        _w = new World(a.Id, b.Id, cardA.Id, cardB.Id, holderA.Id, holderB.Id, users[0].Id, users[1].Id, users[2].Id, users[3].Id);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<AccessScope> ScopeAsync(Guid userId, string role) =>
        new AccessScopeService(_factory, _clock).ForAsync(TestPrincipals.User(userId, role));

    public static TheoryData<string> PortalRoles => new() { Roles.StructureManager, Roles.Mandatary };

    private Guid PortalUser(string role) => role == Roles.StructureManager ? _w.ManagerUserA : _w.MandataryUserA;

    [Theory, MemberData(nameof(PortalRoles))]
    public async Task Portal_user_of_A_sees_only_A_in_structure_search(string role)
    {
        var scope = await ScopeAsync(PortalUser(role), role);
        var page = await new StructureService(_factory, _clock).SearchAsync(scope, new StructureQuery(), new PageRequest());
        Assert.Equal([_w.StructureA], page.Items.Select(s => s.Id));
        Assert.Equal(1, page.TotalCount);
    }

    [Theory, MemberData(nameof(PortalRoles))]
    public async Task Portal_user_of_A_gets_null_for_structure_B_by_id_and_identifier(string role)
    {
        var scope = await ScopeAsync(PortalUser(role), role);
        var structures = new StructureService(_factory, _clock);
        Assert.Null(await structures.GetAsync(scope, _w.StructureB));
        Assert.Null(await structures.GetByIdentifierAsync(scope, "010000032"));
        Assert.NotNull(await structures.GetByIdentifierAsync(scope, "010 000 024"));
    }

    [Theory, MemberData(nameof(PortalRoles))]
    public async Task Portal_user_of_A_sees_only_A_cards(string role)
    {
        var scope = await ScopeAsync(PortalUser(role), role);
        var cards = new CardService(_factory);
        var page = await cards.SearchAsync(scope, new CardQuery(), new PageRequest());
        Assert.Equal([_w.CardA], page.Items.Select(c => c.Id));
        Assert.Null(await cards.GetAsync(scope, _w.CardB));
        var serialB = (await cards.GetAsync(await ScopeAsync(_w.AgentUser, Roles.Agent), _w.CardB))!.SerialNumber;
        Assert.Null(await cards.GetBySerialAsync(scope, serialB));
        Assert.Empty((await cards.SearchAsync(scope, new CardQuery(Search: serialB), new PageRequest())).Items);
        Assert.Empty((await cards.SearchAsync(scope, new CardQuery(StructureId: _w.StructureB), new PageRequest())).Items);
    }

    [Theory, MemberData(nameof(PortalRoles))]
    public async Task Portal_user_of_A_sees_people_of_A_and_not_of_B(string role)
    {
        var scope = await ScopeAsync(PortalUser(role), role);
        var people = new PersonService(_factory);
        var visible = (await people.SearchAsync(scope, new PersonQuery(), new PageRequest(PageSize: 100))).Items.Select(p => p.Id).ToList();
        Assert.Contains(_w.HolderA, visible);
        Assert.DoesNotContain(_w.HolderB, visible);
        Assert.Null(await people.GetAsync(scope, _w.HolderB));
        Assert.NotNull(await people.GetByNationalIdAsync(scope, "99700026547"));
    }

    [Fact]
    public async Task Ended_mandate_gives_no_access()
    {
        var scope = await ScopeAsync(_w.ExpiredMandataryUser, Roles.Mandatary);
        Assert.Empty(scope.StructureIds);
        Assert.Null(await new CardService(_factory).GetAsync(scope, _w.CardA));
        Assert.Empty((await new StructureService(_factory, _clock).SearchAsync(scope, new StructureQuery(), new PageRequest())).Items);
    }

    [Fact]
    public async Task Mandate_starting_tomorrow_gives_no_access_today()
    {
        await using (var db = _database.CreateContext(_clock))
        {
            var mandate = db.Mandates.Single(m => m.EndsOn == null);
            mandate.StartsOn = DateOnly.FromDateTime(Today.UtcDateTime).AddDays(1);
            await db.SaveChangesAsync();
        }
        var scope = await ScopeAsync(_w.MandataryUserA, Roles.Mandatary);
        Assert.Empty(scope.StructureIds);
    }

    [Fact]
    public async Task Mandatary_role_without_mandate_sees_nothing_even_as_structure_head()
    {
        // The head of A signs in with the Mandatary role only: heading a structure is not a mandate.
        var scope = await ScopeAsync(_w.ManagerUserA, Roles.Mandatary);
        Assert.Empty(scope.StructureIds);
    }

    [Fact]
    public async Task Desk_agent_sees_every_structure_and_card()
    {
        var scope = await ScopeAsync(_w.AgentUser, Roles.Agent);
        Assert.Equal(2, (await new StructureService(_factory, _clock).SearchAsync(scope, new StructureQuery(), new PageRequest())).TotalCount);
        Assert.NotNull(await new CardService(_factory).GetAsync(scope, _w.CardB));
    }

    [Fact]
    public async Task Anonymous_principal_sees_nothing()
    {
        var scope = await new AccessScopeService(_factory, _clock).ForAsync(new ClaimsPrincipal(new ClaimsIdentity()));
        Assert.False(scope.IsDesk);
        Assert.Empty((await new CardService(_factory).SearchAsync(scope, new CardQuery(), new PageRequest())).Items);
        Assert.Empty((await new PersonService(_factory).SearchAsync(scope, new PersonQuery(), new PageRequest())).Items);
    }

    [Fact]
    public async Task Search_by_bare_rpps_finds_the_holder_card()
    {
        var scope = await ScopeAsync(_w.AgentUser, Roles.Agent);
        var page = await new CardService(_factory).SearchAsync(scope, new CardQuery(Search: "997 000 265 47"), new PageRequest());
        Assert.Equal([_w.CardA], page.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task Like_wildcards_typed_by_user_are_literal()
    {
        var scope = await ScopeAsync(_w.AgentUser, Roles.Agent);
        var page = await new StructureService(_factory, _clock).SearchAsync(scope, new StructureQuery(Search: "%"), new PageRequest());
        Assert.Empty(page.Items);
    }
}
