using System.Text.RegularExpressions;
using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Accounts;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Dashboard;
using CpsSupport.Features.Demo;
using CpsSupport.Features.Identifiers;
using CpsSupport.Features.People;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.TestUtilities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CpsSupport.Tests.Features.Demo;

public sealed class DemoSeederTests(SeededDemoDatabase demo, ITestOutputHelper output) : IClassFixture<SeededDemoDatabase>
{
    private CpsDbContext Read() => demo.Database.CreateContext(demo.Clock);

    [Fact]
    public void Seed_builds_the_expected_volumes_in_a_few_seconds()
    {
        output.WriteLine($"First run: {demo.FirstRunDuration.TotalSeconds:0.00} s, {demo.FirstRun}");
        Assert.True(demo.FirstRun.DataCreated);
        Assert.Equal(4, demo.FirstRun.UsersCreated);
        Assert.Equal(300, demo.FirstRun.Structures);
        Assert.InRange(demo.FirstRun.People, 700, 900);
        Assert.InRange(demo.FirstRun.Cards, 1100, 1300);
        Assert.InRange(demo.FirstRun.Tickets, 30, 60);
        Assert.InRange(demo.FirstRun.Mandates, 30, 80);
    }

    [Fact]
    public async Task Every_card_type_and_every_card_status_is_present()
    {
        await using var db = Read();
        var types = await db.Cards.Select(c => c.Type).Distinct().ToListAsync();
        var statuses = await db.Cards.Select(c => c.Status).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<CardType>().Order(), types.Order());
        Assert.Equal(Enum.GetValues<CardStatus>().Order(), statuses.Order());
        // Enough of each for the lists and the dashboard to show something.
        var counts = await db.Cards.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Assert.All(counts, c => Assert.True(c.Count >= 10, $"{c.Key}: {c.Count}"));
    }

    [Fact]
    public async Task Every_structure_kind_is_present_with_the_identifiers_of_its_kind()
    {
        await using var db = Read();
        var structures = await db.Structures.AsNoTracking().ToListAsync();
        Assert.Equal(Enum.GetValues<StructureKind>().Order(), structures.Select(s => s.Kind).Distinct().Order());
        Assert.All(structures, s =>
        {
            Assert.NotNull(s.Siren);
            Assert.StartsWith(s.Siren, s.Siret);
            Assert.NotNull(s.LegalRepresentativeId);
            Assert.False(string.IsNullOrWhiteSpace(s.DeliveryAddress.Line1));
            Assert.False(string.IsNullOrWhiteSpace(s.CorrespondenceAddress.PostalCode));
        });
        Assert.All(structures.Where(s => s.Kind is StructureKind.HealthEstablishment or StructureKind.MedicoSocial), s => Assert.NotNull(s.Finess));
        Assert.All(structures.Where(s => s.Kind is StructureKind.HealthDomainNoCare or StructureKind.Industrial), s => Assert.Null(s.Finess));
        Assert.Contains(structures, s => s.Kind == StructureKind.LiberalPractice && s.Finess is not null); // pharmacies
        Assert.Contains(structures, s => s.HasMembershipContract);
        Assert.Contains(structures, s => !s.HasMembershipContract);
        Assert.Contains(structures, s => s.Name.StartsWith("EHPAD", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_identifier_is_valid()
    {
        await using var db = Read();
        var structures = await db.Structures.AsNoTracking().ToListAsync();
        foreach (var s in structures)
        {
            AssertValid(IdentifierValidator.ValidateSiren(s.Siren));
            AssertValid(IdentifierValidator.ValidateSiret(s.Siret));
            if (s.Finess is not null) AssertValid(IdentifierValidator.ValidateFiness(s.Finess));
        }
        Assert.Contains(structures, s => s.Finess?.StartsWith("2A", StringComparison.Ordinal) == true || s.Finess?.StartsWith("2B", StringComparison.Ordinal) == true);

        var people = await db.People.AsNoTracking().ToListAsync();
        foreach (var p in people)
        {
            switch (p.NationalIdKind)
            {
                case NationalIdKind.None:
                    Assert.Null(p.NationalId);
                    break;
                default:
                    var check = IdentifierValidator.ValidateNationalId(p.NationalId);
                    AssertValid(check);
                    Assert.Equal(p.NationalIdKind == NationalIdKind.Rpps ? '8' : '0', p.NationalId![0]);
                    break;
            }
        }
        Assert.Contains(people, p => p.NationalIdKind == NationalIdKind.Adeli);
        // Nurses moved to the RPPS; staff without a health profession have no national identifier.
        Assert.All(people.Where(p => p.Profession is "Infirmier" or "Infirmière" or "Médecin" or "Masseur-kinésithérapeute" or "Sage-femme"),
            p => Assert.Equal(NationalIdKind.Rpps, p.NationalIdKind));
        Assert.All(people.Where(p => p.Profession is "Secrétaire médicale" or "Aide-soignante" or "Cadre administratif"),
            p => Assert.Equal(NationalIdKind.None, p.NationalIdKind));
    }

    [Fact]
    public async Task Each_card_history_runs_from_its_order_to_its_status_with_dates_that_fit_today()
    {
        await using var db = Read();
        await AssertCardHistoriesAreCoherentAsync(db, SeededDemoDatabase.Now);
    }

    [Fact]
    public async Task Card_types_fit_their_holder_and_structure()
    {
        await using var db = Read();
        var cards = await db.Cards.AsNoTracking().Include(c => c.Holder).Include(c => c.Structure).ToListAsync();
        foreach (var card in cards)
        {
            var structure = card.Structure!;
            var holder = card.Holder!;
            var context = $"{card.Type} {card.SerialNumber} of {holder.FullName} at {structure.Name}";
            switch (card.Type)
            {
                case CardType.Cps:
                    Assert.True(holder.NationalIdKind != NationalIdKind.None, context);
                    break;
                case CardType.Cpf:
                    Assert.True(holder.NationalIdKind == NationalIdKind.Rpps && structure.Kind == StructureKind.HealthEstablishment, context);
                    break;
                case CardType.Cpe:
                    Assert.True(holder.NationalIdKind == NationalIdKind.None && structure.Kind is StructureKind.LiberalPractice or StructureKind.HealthEstablishment or StructureKind.MedicoSocial, context);
                    break;
                case CardType.Cde:
                    Assert.True(structure.LegalRepresentativeId == holder.Id && structure.Kind is StructureKind.HealthEstablishment or StructureKind.MedicoSocial, context);
                    break;
                case CardType.Cpa:
                    Assert.True(holder.NationalIdKind == NationalIdKind.None && structure.Kind is StructureKind.HealthDomainNoCare or StructureKind.Industrial && structure.HasMembershipContract, context);
                    break;
                case CardType.Cda:
                    Assert.True(structure.LegalRepresentativeId == holder.Id && structure.Kind is StructureKind.HealthDomainNoCare or StructureKind.Industrial, context);
                    break;
                case CardType.Test:
                    Assert.True(holder.Email is null && holder.NationalId is null or ['8', '9', '9', '7', ..] or ['0', '9', '9', ..], context);
                    break;
            }
        }
    }

    [Fact]
    public async Task The_expiry_job_finds_nothing_overdue_and_the_dashboard_has_counts()
    {
        await using var scope = demo.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CpsDbContext>>();
        var summary = await new DashboardService(factory, demo.Clock).GetAsync(new AccessScope(null, true, false, new HashSet<Guid>()));
        Assert.All(summary.CardsByStatus, s => Assert.True(s.Value > 0, s.Key.ToString()));
        Assert.True(summary.CardsExpiringSoon > 0);
        Assert.True(summary.OpenTicketCount > 0);
        Assert.Equal(300, summary.StructureCount);

        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<CardExpiryService>().ExpireOverdueAsync());
    }

    [Fact]
    public async Task Tickets_cover_every_state_and_channel_with_numbered_dated_conversations()
    {
        await using var db = Read();
        var tickets = await db.Tickets.AsNoTracking().Include(t => t.Messages).ToListAsync();
        Assert.Equal(Enum.GetValues<TicketState>().Order(), tickets.Select(t => t.State).Distinct().Order());
        Assert.Equal(Enum.GetValues<TicketChannel>().Order(), tickets.Select(t => t.Channel).Distinct().Order());
        Assert.Equal(tickets.Count, tickets.Select(t => t.Number).Distinct().Count());
        var users = await db.Users.Select(u => u.Id).ToListAsync();
        foreach (var ticket in tickets)
        {
            Assert.Matches(new Regex(@"^CPS-20\d{2}-\d{6}$"), ticket.Number);
            Assert.Equal(ticket.CreatedAt.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ticket.Number[4..8]);
            Assert.True(ticket.PersonId is not null || ticket.StructureId is not null, ticket.Number);
            Assert.NotEmpty(ticket.Messages);
            var messages = ticket.Messages.OrderBy(m => m.CreatedAt).ToList();
            Assert.Equal(ticket.CreatedAt, messages[0].CreatedAt);
            Assert.Equal(ticket.UpdatedAt, messages[^1].CreatedAt);
            Assert.True(messages[^1].CreatedAt <= SeededDemoDatabase.Now, ticket.Number);
            Assert.Equal(ticket.State == TicketState.New, ticket.AssigneeId is null);
            if (ticket.AssigneeId is { } assignee) Assert.Contains(assignee, users);
        }
    }

    [Fact]
    public async Task Simulated_reader_cards_are_in_the_registry_with_a_ticket_about_the_valid_one()
    {
        await using var db = Read();
        var serials = DemoSimulatedCards.Entries.Select(e => e.Serial).ToList();
        var cards = await db.Cards.AsNoTracking().Include(c => c.Holder).Include(c => c.Structure)
            .Where(c => serials.Contains(c.SerialNumber)).ToListAsync();

        Assert.Equal(
            DemoSimulatedCards.Entries.Select(e => (e.Serial, e.Type, e.Status, e.NationalId, e.LastName)),
            cards.OrderBy(c => c.SerialNumber).Select(c => (c.SerialNumber, c.Type, c.Status, c.Holder!.NationalId, c.Holder.LastName)));
        Assert.All(cards, c => Assert.Equal(DemoAccounts.DirectorStructureFiness, c.Structure!.Finess));
        var ticket = await db.Tickets.AsNoTracking().Include(t => t.Cards).Include(t => t.Messages)
            .SingleAsync(t => t.Subject == DemoSimulatedCards.TicketSubject);
        var valid = cards.Single(c => c.SerialNumber == DemoSimulatedCards.ValidSerial);
        Assert.Equal((valid.HolderId, valid.StructureId, TicketState.New), (ticket.PersonId!.Value, ticket.StructureId, ticket.State));
        Assert.Equal([valid.Id], ticket.Cards.Select(c => c.CardId));
        Assert.Contains("9000000001", Assert.Single(ticket.Messages).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_next_ticket_number_comes_after_every_seeded_one()
    {
        await using var db = Read();
        var numbers = await db.Tickets.Select(t => t.Number).ToListAsync();
        var highest = numbers.Max(n => long.Parse(n[^6..], System.Globalization.CultureInfo.InvariantCulture));

        var next = await db.Database.SqlQueryRaw<long>("SELECT nextval('ticket_number_seq') AS \"Value\"").SingleAsync();

        Assert.True(next > highest, $"next {next}, highest seeded {highest}");
    }

    [Fact]
    public async Task A_second_run_changes_nothing()
    {
        var before = await CountRowsAsync();
        var second = await SeededDemoDatabase.SeedAsync(demo.Services);
        var after = await CountRowsAsync();

        Assert.Equal(before, after);
        Assert.False(second.DataCreated);
        Assert.Equal(0, second.UsersCreated);
        Assert.Equal(demo.FirstRun with { DataCreated = false, UsersCreated = 0 }, second);
    }

    public static TheoryData<string> AccountEmails => new(DemoAccounts.All.Select(a => a.Email));

    [Theory, MemberData(nameof(AccountEmails))]
    public async Task Each_demo_account_signs_in_with_its_password_and_has_its_role(string email)
    {
        var account = DemoAccounts.All.Single(a => a.Email == email);
        await using var scope = demo.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);

        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, account.Password));
        Assert.False(await users.CheckPasswordAsync(user, account.Password + "x"));
        Assert.Equal([account.Role], await users.GetRolesAsync(user));
        Assert.Equal(DemoAccounts.DisplayName(account), user.DisplayName);
        Assert.Equal(account.Role is Roles.StructureManager or Roles.Mandatary, user.PersonId is not null);
    }

    [Fact]
    public async Task The_director_sees_exactly_her_hospital()
    {
        var (user, scope) = await ScopeOfAsync(DemoAccounts.StructureManager);
        await using var db = Read();
        var hospital = await db.Structures.Include(s => s.LegalRepresentative).SingleAsync(s => s.Finess == DemoAccounts.DirectorStructureFiness);

        Assert.Equal(DemoAccounts.DirectorStructureName, hospital.Name);
        Assert.Equal(StructureKind.HealthEstablishment, hospital.Kind);
        Assert.Equal("Test-sur-Loire", hospital.DeliveryAddress.City);
        Assert.Equal(("Hélène", "Rousseau"), (hospital.LegalRepresentative!.FirstName, hospital.LegalRepresentative.LastName));
        Assert.Equal(hospital.LegalRepresentativeId, user.PersonId);
        Assert.Equal([hospital.Id], scope.StructureIds);
        Assert.False(scope.IsDesk);
    }

    [Fact]
    public async Task The_mandatary_sees_exactly_Les_Tilleuls_and_not_the_EHPAD_of_his_ended_mandate()
    {
        var (user, scope) = await ScopeOfAsync(DemoAccounts.Mandatary);
        await using var db = Read();
        var person = await db.People.SingleAsync(p => p.Id == user.PersonId);
        var mandates = await db.Mandates.Include(m => m.Structure).Where(m => m.PersonId == person.Id).ToListAsync();
        var tilleuls = await db.Structures.SingleAsync(s => s.Finess == DemoAccounts.MandataryStructureFiness);

        Assert.Equal(("Julien", "Lefèvre"), (person.FirstName, person.LastName));
        Assert.Equal(DemoAccounts.MandataryStructureName, tilleuls.Name);
        Assert.Equal("Test-sur-Loire", tilleuls.DeliveryAddress.City);
        var running = Assert.Single(mandates, m => m.IsActiveOn(SeededDemoDatabase.Today));
        Assert.Equal(tilleuls.Id, running.StructureId);
        var ended = Assert.Single(mandates, m => !m.IsActiveOn(SeededDemoDatabase.Today));
        Assert.True(ended.EndsOn < SeededDemoDatabase.Today);
        Assert.Equal(StructureKind.MedicoSocial, ended.Structure!.Kind);
        Assert.StartsWith("EHPAD", ended.Structure.Name, StringComparison.Ordinal);
        Assert.NotEqual(tilleuls.Id, ended.StructureId);

        Assert.Equal([tilleuls.Id], scope.StructureIds);
    }

    [Fact]
    public async Task Mandates_include_running_and_ended_ones()
    {
        await using var db = Read();
        var mandates = await db.Mandates.AsNoTracking().ToListAsync();
        Assert.Contains(mandates, m => m.EndsOn is null);
        Assert.Contains(mandates, m => m.EndsOn > SeededDemoDatabase.Today);
        Assert.Contains(mandates, m => m.EndsOn < SeededDemoDatabase.Today);
        Assert.All(mandates, m => Assert.True(m.EndsOn is null || m.EndsOn >= m.StartsOn));
    }

    [Fact]
    public async Task Seeding_another_database_at_the_same_moment_gives_the_same_data()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await using var services = TestServices.WithIdentity(database, new MutableClock(SeededDemoDatabase.Now));
        await SeededDemoDatabase.SeedAsync(services);

        await using var first = Read();
        await using var second = database.CreateContext();
        Assert.Equal(await SnapshotAsync(first), await SnapshotAsync(second));
    }

    public static TheoryData<string> OddMoments => new()
    {
        "2026-03-29T22:05:00Z", // Monday 00:05 in Paris, the night after the spring clock change
        "2026-08-01T21:55:00Z", // Saturday 23:55 in Paris
        "2027-01-04T07:10:00Z", // Monday 08:10 in Paris, before the desk's first call
    };

    [Theory, MemberData(nameof(OddMoments))]
    public async Task Histories_and_tickets_fit_now_whatever_the_day_and_hour(string moment)
    {
        var now = DateTimeOffset.Parse(moment, System.Globalization.CultureInfo.InvariantCulture);
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await using var services = TestServices.WithIdentity(database, new MutableClock(now));
        await SeededDemoDatabase.SeedAsync(services);

        await using var db = database.CreateContext();
        await AssertCardHistoriesAreCoherentAsync(db, now);
        var tickets = await db.Tickets.AsNoTracking().Include(t => t.Messages).ToListAsync();
        Assert.All(tickets, t => Assert.True(t.CreatedAt <= now && t.Messages.All(m => m.CreatedAt >= t.CreatedAt && m.CreatedAt <= now), t.Number));
        Assert.Equal(Enum.GetValues<CardStatus>().Order(), (await db.Cards.Select(c => c.Status).Distinct().ToListAsync()).Order());

        // Another day, same structures and people: only the dates move.
        await using var reference = Read();
        Assert.Equal(await WhoIsWhoAsync(reference), await WhoIsWhoAsync(db));
    }

    private static async Task<List<string>> WhoIsWhoAsync(CpsDbContext db) =>
        (await db.Structures.Select(s => s.Name + "|" + s.Finess + "|" + s.Siret).ToListAsync())
        .Concat(await db.People.Select(p => p.FirstName + "|" + p.LastName + "|" + p.NationalId + "|" + p.Email).ToListAsync())
        .Order(StringComparer.Ordinal).ToList();

    /// <summary>What the demo shows, without the generated keys: the same seed and clock must give the same lines.</summary>
    private static async Task<List<string>> SnapshotAsync(CpsDbContext db)
    {
        var lines = new List<string>();
        lines.AddRange(await db.Structures.OrderBy(s => s.Siret)
            .Select(s => s.Name + "|" + s.Kind + "|" + s.Finess + "|" + s.Siret + "|" + s.DeliveryAddress.Line1 + "|" + s.HasMembershipContract + "|" + s.LegalRepresentative!.Email)
            .ToListAsync());
        lines.AddRange(await db.People.OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Email).ThenBy(p => p.NationalId)
            .Select(p => p.FirstName + "|" + p.LastName + "|" + p.NationalId + "|" + p.Email + "|" + p.Phone + "|" + p.Profession)
            .ToListAsync());
        var cards = await db.Cards.AsNoTracking().Include(c => c.Events).Include(c => c.Holder).OrderBy(c => c.SerialNumber).ToListAsync();
        lines.AddRange(cards.Select(c => $"{c.SerialNumber}|{c.Type}|{c.Status}|{c.ValidUntil}|{c.Holder!.Email}|{c.Holder.NationalId}|"
            + string.Join(",", c.Events.OrderBy(e => e.At).Select(e => $"{e.Status}@{e.At:O}:{e.Actor}"))));
        lines.AddRange(await db.Mandates.OrderBy(m => m.StartsOn).ThenBy(m => m.Person!.Email)
            .Select(m => m.Person!.Email + "|" + m.Structure!.Siret + "|" + m.StartsOn + "|" + m.EndsOn).ToListAsync());
        lines.AddRange((await db.Tickets.AsNoTracking().Include(t => t.Messages).OrderBy(t => t.Number).ToListAsync())
            .Select(t => $"{t.Number}|{t.Subject}|{t.State}|{t.Channel}|{t.CreatedAt:O}|{t.Messages.Count}"));
        return lines;
    }

    private async Task<(AppUser User, AccessScope Scope)> ScopeOfAsync(DemoAccount account)
    {
        await using var scope = demo.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(account.Email))!;
        var access = await scope.ServiceProvider.GetRequiredService<AccessScopeService>().ForAsync(TestPrincipals.User(user.Id, account.Role));
        return (user, access);
    }

    private async Task<Dictionary<string, int>> CountRowsAsync()
    {
        await using var db = Read();
        return new Dictionary<string, int>
        {
            ["structures"] = await db.Structures.CountAsync(),
            ["people"] = await db.People.CountAsync(),
            ["mandates"] = await db.Mandates.CountAsync(),
            ["cards"] = await db.Cards.CountAsync(),
            ["card_events"] = await db.CardEvents.CountAsync(),
            ["tickets"] = await db.Tickets.CountAsync(),
            ["ticket_messages"] = await db.TicketMessages.CountAsync(),
            ["users"] = await db.Users.CountAsync(),
            ["user_roles"] = await db.UserRoles.CountAsync(),
            ["audit_events"] = await db.AuditEvents.CountAsync(),
        };
    }

    private static void AssertValid(IdentifierCheck check) => Assert.True(check.IsValid, check.Error);

    /// <summary>
    /// Every card starts with its order and ends with its status, its steps move forward in time and along the life of a
    /// card, nothing happens after now, validity is three years, only opposed cards carry an opposition, and the
    /// statuses agree with today: cards in circulation are valid today, expired cards ended before it.
    /// </summary>
    internal static async Task AssertCardHistoriesAreCoherentAsync(CpsDbContext db, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        var cards = await db.Cards.AsNoTracking().Include(c => c.Events).ToListAsync();
        Assert.Equal(cards.Count, cards.Select(c => c.SerialNumber).Distinct().Count());
        foreach (var card in cards)
        {
            var events = card.Events.OrderBy(e => e.At).ToList();
            var context = $"{card.SerialNumber}: {string.Join(" → ", events.Select(e => $"{e.Status} {e.At:u}"))}";
            Assert.True(events.Count >= 1, context);
            Assert.True(events[0].Status == CardStatus.Ordered, context);
            Assert.True(events[^1].Status == card.Status, context);
            Assert.True(events.Zip(events.Skip(1)).All(p => p.First.At < p.Second.At && p.First.Status < p.Second.Status), context);
            Assert.True(events[^1].At <= now, context);
            Assert.True(events.All(e => !string.IsNullOrWhiteSpace(e.Actor)), context);
            Assert.True(card.CreatedAt == events[0].At && card.UpdatedAt == events[^1].At, context);

            Assert.True(card.ValidFrom is null == (card.ValidUntil is null), context);
            if (card.ValidFrom is { } from) Assert.True(card.ValidUntil == from.AddYears(3).AddDays(-1), context);
            if (card.Status is CardStatus.Ordered) Assert.True(card.ValidFrom is null, context);
            if (CardExpiryService.ExpirableStatuses.Contains(card.Status)) Assert.True(card.ValidUntil >= today, context);
            if (card.Status == CardStatus.Expired) Assert.True(card.ValidUntil < today, context);

            if (card.Status == CardStatus.Opposed)
                Assert.True(card.OpposedAt == events[^1].At && !string.IsNullOrWhiteSpace(card.OppositionReason), context);
            else
                Assert.True(card.OpposedAt is null && card.OppositionReason is null, context);
        }

        // A replacement is ordered for the same holder after the old card's opposition; a renewal before the old card's end.
        var bySerial = cards.ToDictionary(c => c.SerialNumber);
        foreach (var card in cards)
        {
            var order = card.Events.MinBy(e => e.At)!;
            if (Regex.Match(order.Reason ?? "", @"^(Remplacement|Renouvellement) de la carte (\d{10})") is not { Success: true } link) continue;
            var old = bySerial[link.Groups[2].Value];
            Assert.Equal(old.HolderId, card.HolderId);
            if (link.Groups[1].Value == "Remplacement")
                Assert.True(old.Status == CardStatus.Opposed && old.OpposedAt < order.At, $"{old.SerialNumber} → {card.SerialNumber}");
            else
                Assert.True(DateOnly.FromDateTime(order.At.UtcDateTime) < old.ValidUntil, $"{old.SerialNumber} → {card.SerialNumber}");
        }
        Assert.Contains(cards, c => c.Events.Any(e => e.Reason?.StartsWith("Remplacement", StringComparison.Ordinal) == true));
        Assert.Contains(cards, c => c.Events.Any(e => e.Reason?.StartsWith("Renouvellement", StringComparison.Ordinal) == true));
    }
}
