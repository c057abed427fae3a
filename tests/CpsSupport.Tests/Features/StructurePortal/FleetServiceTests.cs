using System.Text;
using CpsSupport.Features.Accounts;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Paging;
using CpsSupport.Features.StructurePortal;
using CpsSupport.Tests.Features.Incidents;
using CpsSupport.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Tests.Features.StructurePortal;

/// <summary>
/// The portal's fleet of a structure against a real PostgreSQL: only the caller's structures, the filters, the sort, the
/// "expire bientôt" flag and the CSV a spreadsheet opens.
/// </summary>
public sealed class FleetServiceTests
{
    private static readonly DateOnly Today = new(2026, 6, 10);

    private static async Task<IncidentWorld> WorldAsync() => await IncidentWorld.CreateAsync(Paris.At(2026, 6, 10, 10));

    private static FleetService Fleet(IncidentWorld w) => new(w.Factory, w.Clock);

    private static async Task SetValidUntilAsync(IncidentWorld w, Guid cardId, DateOnly until)
    {
        await using var db = w.Database.CreateContext(w.Clock);
        var card = await db.Cards.SingleAsync(c => c.Id == cardId);
        card.ValidUntil = until;
        await db.SaveChangesAsync();
    }

    private static async Task<string> CsvAsync(FleetService fleet, CpsSupport.Features.Access.AccessScope scope, Guid structureId, FleetQuery query)
    {
        using var stream = new MemoryStream();
        Assert.True(await fleet.WriteCsvAsync(scope, structureId, query, stream));
        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }

    [Fact]
    public async Task Head_and_mandatary_see_every_card_of_their_hospital_and_nothing_of_the_clinic()
    {
        await using var w = await WorldAsync();
        var fleet = Fleet(w);
        var head = await w.HeadScopeAsync();
        var mandatary = await w.ScopeAsync(w.MandataryUser, Roles.Mandatary);
        var hospitalCards = await w.ReadAsync(db => db.Cards.Where(c => c.StructureId == w.Hospital).Select(c => c.Id).ToListAsync());

        foreach (var scope in new[] { head, mandatary })
        {
            var page = (await fleet.SearchAsync(scope, w.Hospital, new FleetQuery(), new PageRequest(PageSize: 200)))!;
            Assert.Equal(hospitalCards.Order(), page.Items.Select(r => r.CardId).Order());
            Assert.Equal(hospitalCards.Count, page.TotalCount);

            Assert.Null(await fleet.SearchAsync(scope, w.Clinic, new FleetQuery(), new PageRequest()));
            Assert.Null(await fleet.SearchAsync(scope, w.Practice, new FleetQuery(Search: "Secretaire"), new PageRequest()));
            Assert.Null(await fleet.StructureNameAsync(scope, w.Clinic));
            using var csv = new MemoryStream();
            Assert.False(await fleet.WriteCsvAsync(scope, w.Clinic, new FleetQuery(), csv));
            Assert.Equal(0, csv.Length);
            // A card id of the clinic passed as a structure id finds nothing either.
            Assert.Null(await fleet.SearchAsync(scope, w.ClinicCard, new FleetQuery(), new PageRequest()));
        }

        var mine = await fleet.MyStructuresAsync(head);
        var hospital = Assert.Single(mine);
        Assert.Equal((w.Hospital, true, hospitalCards.Count), (hospital.Id, hospital.IsLegalRepresentative, hospital.CardCount));
        Assert.False(Assert.Single(await fleet.MyStructuresAsync(mandatary)).IsLegalRepresentative);
        Assert.Empty(await fleet.MyStructuresAsync(await w.ScopeAsync(w.CandidateUser, Roles.Mandatary)));
    }

    [Fact]
    public async Task Filters_by_status_type_holder_name_national_id_and_serial_prefix()
    {
        await using var w = await WorldAsync();
        var fleet = Fleet(w);
        var head = await w.HeadScopeAsync();
        async Task<IReadOnlyList<FleetRow>> Rows(FleetQuery q) => (await fleet.SearchAsync(head, w.Hospital, q, new PageRequest(PageSize: 200)))!.Items;

        Assert.Equal(["Paul SANSCARTE"], (await Rows(new FleetQuery(Status: CardStatus.Expired))).Select(r => r.HolderName));
        Assert.Equal([w.NurseCard], (await Rows(new FleetQuery(Type: CardType.Cps))).Select(r => r.CardId));
        Assert.Equal([w.EmployeeCard], (await Rows(new FleetQuery(Search: "legrand"))).Select(r => r.CardId));
        Assert.Equal([w.EmployeeCard], (await Rows(new FleetQuery(Search: "Sophie Legrand"))).Select(r => r.CardId));
        Assert.Equal([w.NurseCard], (await Rows(new FleetQuery(Search: "899700026547"))).Select(r => r.CardId));
        Assert.Equal([w.NurseCard], (await Rows(new FleetQuery(Search: "99700026547"))).Select(r => r.CardId));
        Assert.Equal([w.EmployeeCard], (await Rows(new FleetQuery(Search: w.EmployeeCardSerial))).Select(r => r.CardId));
        Assert.Empty(await Rows(new FleetQuery(Search: "Employee")));
        Assert.Empty(await Rows(new FleetQuery(Status: CardStatus.Active, Type: CardType.Cps, Search: "legrand")));
        var row = Assert.Single(await Rows(new FleetQuery(Search: "legrand")));
        Assert.Equal((CardType.Cpe, CardStatus.Active, new DateOnly(2025, 1, 1), new DateOnly(2028, 1, 1), "Secrétaire médicale", true),
            (row.Type, row.Status, row.ValidFrom!.Value, row.ValidUntil!.Value, row.HolderProfession, row.CanDeclareDeparture));
        Assert.False(Assert.Single(await Rows(new FleetQuery(Status: CardStatus.Expired))).CanDeclareDeparture);
    }

    [Fact]
    public async Task Expiring_within_N_days_keeps_cards_in_circulation_ending_in_the_window_and_flags_those_within_60_days()
    {
        await using var w = await WorldAsync();
        var fleet = Fleet(w);
        var head = await w.HeadScopeAsync();
        await SetValidUntilAsync(w, w.EmployeeCard, Today.AddDays(20));
        await SetValidUntilAsync(w, w.NurseCard, Today.AddDays(90));
        var expired = await w.ReadAsync(db => db.Cards.Where(c => c.StructureId == w.Hospital && c.Status == CardStatus.Expired).Select(c => c.Id).SingleAsync());
        await SetValidUntilAsync(w, expired, Today.AddDays(5));
        async Task<IReadOnlyList<Guid>> Ids(int days) =>
            (await fleet.SearchAsync(head, w.Hospital, new FleetQuery(ExpiringWithinDays: days), new PageRequest(SortBy: "ValidUntil")))!.Items.Select(r => r.CardId).ToList();

        Assert.Empty(await Ids(10));
        Assert.Equal([w.EmployeeCard], await Ids(20));
        Assert.Equal([w.EmployeeCard, w.NurseCard], await Ids(90));

        var all = (await fleet.SearchAsync(head, w.Hospital, new FleetQuery(), new PageRequest(PageSize: 200)))!.Items;
        Assert.Equal([w.EmployeeCard], all.Where(r => r.ExpiresSoon).Select(r => r.CardId));
        Assert.Equal(1, Assert.Single(await fleet.MyStructuresAsync(head)).ExpiringSoonCount);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => fleet.SearchAsync(head, w.Hospital, new FleetQuery(ExpiringWithinDays: -1), new PageRequest()));
        Assert.Contains("nombre de jours", error.Message);
    }

    [Fact]
    public async Task Pages_and_sorts_on_the_server()
    {
        await using var w = await WorldAsync();
        var fleet = Fleet(w);
        var head = await w.HeadScopeAsync();
        var all = (await fleet.SearchAsync(head, w.Hospital, new FleetQuery(), new PageRequest(PageSize: 200)))!;
        Assert.Equal(all.Items.Select(r => r.HolderName.Split(' ')[1]).Order(StringComparer.Ordinal), all.Items.Select(r => r.HolderName.Split(' ')[1]));

        var first = (await fleet.SearchAsync(head, w.Hospital, new FleetQuery(), new PageRequest(0, 2, "SerialNumber", true)))!;
        var second = (await fleet.SearchAsync(head, w.Hospital, new FleetQuery(), new PageRequest(1, 2, "SerialNumber", true)))!;
        Assert.Equal(all.TotalCount, first.TotalCount);
        var serials = first.Items.Concat(second.Items).Select(r => r.SerialNumber).ToList();
        Assert.Equal(all.Items.Select(r => r.SerialNumber).OrderDescending(StringComparer.Ordinal).Take(4), serials);

        var byStatus = (await fleet.SearchAsync(head, w.Hospital, new FleetQuery(), new PageRequest(PageSize: 200, SortBy: "Status", Descending: true)))!;
        Assert.Equal(CardStatus.Expired, byStatus.Items[0].Status);
    }

    [Fact]
    public async Task Csv_has_a_bom_french_headers_semicolons_the_filtered_rows_and_neutralised_formulas()
    {
        await using var w = await WorldAsync();
        var fleet = Fleet(w);
        var head = await w.HeadScopeAsync();
        await using (var db = w.Database.CreateContext(w.Clock))
        {
            var build = new RegistryBuilder(db);
            var hospital = await db.Structures.SingleAsync(s => s.Id == w.Hospital);
            build.Card(build.Person("=1+1", "Calc", profession: "Agent; accueil"), hospital, CardType.Cpe, serial: "9911111111");
            await build.SaveAsync();
        }
        await SetValidUntilAsync(w, w.EmployeeCard, Today.AddDays(30));

        var text = await CsvAsync(fleet, head, w.Hospital, new FleetQuery(Status: CardStatus.Active));
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Titulaire;Identifiant national;Profession;Type de carte;N° de série;Statut;Date d'émission;Date d'expiration;Expire bientôt", lines[0]);
        var activeCount = await w.ReadAsync(db => db.Cards.CountAsync(c => c.StructureId == w.Hospital && c.Status == CardStatus.Active));
        Assert.Equal(activeCount, lines.Length - 1);
        Assert.Contains($"Sophie LEGRAND;;Secrétaire médicale;CPE;{w.EmployeeCardSerial};Active;01/01/2025;{Today.AddDays(30):dd/MM/yyyy};oui", lines);
        Assert.Contains("Alice INFIRMIERE;899700026547;Infirmier;CPS;", text);
        Assert.DoesNotContain("SANSCARTE", text);
        Assert.DoesNotContain("Claire", text);
        // A name that a spreadsheet would run as a formula starts with a quote; a separator inside a field is quoted.
        var formula = Assert.Single(lines, l => l.Contains("CALC"));
        Assert.StartsWith("\"'=1+1 CALC\";", formula);
        Assert.Contains("\"Agent; accueil\"", text);

        var expiring = await CsvAsync(fleet, head, w.Hospital, new FleetQuery(ExpiringWithinDays: 45));
        Assert.Equal(2, expiring.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
