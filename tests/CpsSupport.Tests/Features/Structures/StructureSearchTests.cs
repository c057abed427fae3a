using CpsSupport.Features.Access;
using CpsSupport.Features.Paging;
using CpsSupport.Features.Structures;
using CpsSupport.Tests.TestUtilities;

namespace CpsSupport.Tests.Features.Structures;

/// <summary>The structure search of the desk: identifiers typed in full, names and cities in part.</summary>
public sealed class StructureSearchTests : IAsyncLifetime
{
    private static readonly AccessScope Desk = new(Guid.Empty, IsDesk: true, IsSupervisor: false, new HashSet<Guid>());
    private readonly MutableClock _clock = new(new DateTimeOffset(2026, 6, 15, 10, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;
    private StructureService _service = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync();
        _service = new StructureService(new TestDbContextFactory(_database, _clock), _clock);
        await using var db = _database.CreateContext(_clock);
        var build = new RegistryBuilder(db);
        build.Structure("Centre hospitalier de Valence", finess: "260000021", siret: "26260000100015");
        // A name that holds the other structure's FINESS digits: an exact identifier must not bring it along.
        build.Structure("Résidence 260000021", StructureKind.MedicoSocial, finess: "260000047");
        build.Structure("Hôpital de Bastia", finess: "2B0000012");
        build.Structure("Pharmacie de Valence", StructureKind.LiberalPractice);
        build.Structure("Cabinet 555555555", StructureKind.LiberalPractice);
        await build.SaveAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<List<string>> SearchAsync(string text) =>
        (await _service.SearchAsync(Desk, new StructureQuery(Search: text), new PageRequest())).Items.Select(s => s.Name).Order().ToList();

    [Fact]
    public async Task A_finess_typed_in_full_finds_its_structure_only()
    {
        Assert.Equal(["Centre hospitalier de Valence"], await SearchAsync("260000021"));
        Assert.Equal(["Centre hospitalier de Valence"], await SearchAsync("260 000 021"));
        Assert.Equal(["Hôpital de Bastia"], await SearchAsync("2b0000012"));
    }

    [Fact]
    public async Task A_siret_typed_in_full_finds_its_structure()
    {
        Assert.Equal(["Centre hospitalier de Valence"], await SearchAsync("262 600 001 00015"));
    }

    [Fact]
    public async Task Digits_that_are_no_known_identifier_still_search_names()
    {
        Assert.Equal(["Cabinet 555555555"], await SearchAsync("555555555"));
        Assert.Equal(["Résidence 260000021"], await SearchAsync("26000002"));
    }

    [Fact]
    public async Task Names_match_in_part_whatever_the_case()
    {
        Assert.Equal(["Centre hospitalier de Valence", "Pharmacie de Valence"], await SearchAsync("VALENCE"));
        Assert.Equal(["Hôpital de Bastia"], await SearchAsync("hôpital de b"));
    }
}
