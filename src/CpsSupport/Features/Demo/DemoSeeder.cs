using System.Diagnostics;
using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Accounts;
using CpsSupport.Features.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CpsSupport.Features.Demo;

/// <summary>
/// Fills a database with the demo data set: about 300 structures of every kind, 800 people, 1,200 cards with their
/// history, mandates and a few dozen tickets, plus the four accounts of <see cref="DemoAccounts"/>. The data is drawn
/// with a fixed seed and dated relative to the clock's today, so a demo seeded any day looks the same and current.
/// </summary>
public sealed class DemoSeeder(
    IDbContextFactory<CpsDbContext> dbFactory, UserManager<AppUser> userManager, TimeProvider clock, TicketSla sla, ILogger<DemoSeeder> logger)
{
    /// <summary>Seed of the demo's random draws (registry, then card histories and tickets with the next seeds): change it and every name, number and date changes.</summary>
    public const int RandomSeed = 13_09_2022;

    // The audit interceptor stamps CreatedAt with the time of the save; the demo's cards and tickets get back the
    // day their story began, in one statement per table.
    private const string BackdateCards =
        "UPDATE cards AS t SET created_at = v.created_at, updated_at = v.updated_at " +
        "FROM unnest(@ids, @created, @updated) AS v(id, created_at, updated_at) WHERE t.id = v.id";

    private const string BackdateTickets =
        "UPDATE tickets AS t SET created_at = v.created_at, updated_at = v.updated_at " +
        "FROM unnest(@ids, @created, @updated) AS v(id, created_at, updated_at) WHERE t.id = v.id";

    /// <summary>
    /// Creates the demo accounts that are missing, with their role; writes the demo registry and tickets unless the
    /// hospital of the structure-manager account (FINESS <see cref="DemoAccounts.DirectorStructureFiness"/>) is already
    /// there; then links the portal accounts to their person. A second run changes nothing. Cards in circulation are
    /// valid today and expired cards ended before it, so the expiry job has nothing to do on a fresh demo.
    /// The roles must exist first (<see cref="DatabaseInitializer.EnsureRolesAsync"/>).
    /// </summary>
    public async Task<DemoSeedResult> SeedAsync(CancellationToken ct)
    {
        var (accounts, usersCreated) = await EnsureAccountsAsync(ct);
        var dataCreated = await SeedDataAsync(accounts, ct);
        await LinkPortalAccountsAsync(accounts, ct);
        await AdvanceTicketNumbersAsync(ct);
        await SeedSimulatedCardsAsync(accounts, ct);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new DemoSeedResult(
            dataCreated,
            usersCreated,
            await db.Structures.CountAsync(ct),
            await db.People.CountAsync(ct),
            await db.Mandates.CountAsync(ct),
            await db.Cards.CountAsync(ct),
            await db.CardEvents.CountAsync(ct),
            await db.Tickets.CountAsync(ct));
    }

    private async Task<(Dictionary<string, AppUser> Accounts, int Created)> EnsureAccountsAsync(CancellationToken ct)
    {
        var accounts = new Dictionary<string, AppUser>();
        var created = 0;
        foreach (var account in DemoAccounts.All)
        {
            ct.ThrowIfCancellationRequested();
            var user = await userManager.FindByEmailAsync(account.Email);
            if (user is null)
            {
                user = new AppUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true, DisplayName = DemoAccounts.DisplayName(account) };
                Check(await userManager.CreateAsync(user, account.Password), account, "created");
                created++;
            }
            if (!await userManager.IsInRoleAsync(user, account.Role))
                Check(await userManager.AddToRoleAsync(user, account.Role), account, $"given the role {account.Role}");
            accounts[account.Email] = user;
        }
        return (accounts, created);
    }

    private async Task<bool> SeedDataAsync(Dictionary<string, AppUser> accounts, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Structures.AnyAsync(s => s.Finess == DemoAccounts.DirectorStructureFiness, ct))
        {
            logger.LogInformation("Demo data already present (structure {Finess}): nothing to seed", DemoAccounts.DirectorStructureFiness);
            return false;
        }

        var stopwatch = Stopwatch.StartNew();
        var calendar = new DemoCalendar(clock.GetUtcNow());
        var registry = new DemoRegistryBuilder(new Random(RandomSeed), new Random(RandomSeed + 1), calendar).Build();
        var agent = accounts[DemoAccounts.Agent.Email];
        var supervisor = accounts[DemoAccounts.Supervisor.Email];
        var tickets = new DemoTicketBuilder(new Random(RandomSeed + 2), calendar, registry,
            new DemoTicketBuilder.Desk(agent.Id, agent.DisplayName, supervisor.Id, supervisor.DisplayName)).Build().Tickets;
        // Read before saving: the audit interceptor overwrites them with now.
        var cardDates = registry.Cards.Select(c => (c.Id, c.CreatedAt, c.UpdatedAt)).ToList();
        var ticketDates = tickets.Select(t => (t.Id, t.CreatedAt, t.UpdatedAt)).ToList();

        db.Structures.AddRange(registry.Sites.Select(s => s.Structure));
        db.People.AddRange(registry.People);
        db.Mandates.AddRange(registry.Mandates);
        db.Cards.AddRange(registry.Cards);
        db.Tickets.AddRange(tickets);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await BackdateAsync(db, BackdateCards, cardDates, ct);
        await BackdateAsync(db, BackdateTickets, ticketDates, ct);
        await transaction.CommitAsync(ct);

        logger.LogInformation(
            "Demo data seeded in {Elapsed} ms: {Structures} structures, {People} people, {Mandates} mandates, {Cards} cards, {Tickets} tickets",
            stopwatch.ElapsedMilliseconds, registry.Sites.Count, registry.People.Count, registry.Mandates.Count, registry.Cards.Count, tickets.Count);
        return true;
    }

    // The demo numbers its tickets itself (CPS-year-sequence, per year): the sequence the ticket service draws from must
    // start after the highest of them, or the first ticket created in the demo takes the number of a seeded one.
    private const string AdvanceTicketNumberSequence =
        "SELECT setval('ticket_number_seq', s.highest) FROM (SELECT max(substring(number FROM '([0-9]+)$')::bigint) AS highest FROM tickets) s " +
        "WHERE s.highest >= (SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM ticket_number_seq)";

    private async Task AdvanceTicketNumbersAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlRawAsync(AdvanceTicketNumberSequence, ct);
    }

    private static Task BackdateAsync(CpsDbContext db, string sql, List<(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)> rows, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(sql,
        [
            new NpgsqlParameter("ids", rows.Select(r => r.Id).ToArray()),
            new NpgsqlParameter("created", rows.Select(r => r.CreatedAt).ToArray()),
            new NpgsqlParameter("updated", rows.Select(r => r.UpdatedAt).ToArray()),
        ], ct);

    /// <summary>
    /// A separate step, so that a demo database seeded before it gets it too: the registry entries of the card-reading
    /// module's simulated cards (<see cref="DemoSimulatedCards"/>) in the hospital of Test-sur-Loire, then a new phone
    /// ticket of the "valide" card's holder about that card, to verify from its page. Each part is written once.
    /// </summary>
    private async Task SeedSimulatedCardsAsync(Dictionary<string, AppUser> accounts, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hospital = await db.Structures.Include(s => s.LegalRepresentative)
            .SingleOrDefaultAsync(s => s.Finess == DemoAccounts.DirectorStructureFiness, ct);
        if (hospital is null) return;
        var serials = DemoSimulatedCards.Entries.Select(e => e.Serial).ToList();
        if (!await db.Cards.AnyAsync(c => serials.Contains(c.SerialNumber), ct))
        {
            var calendar = new DemoCalendar(clock.GetUtcNow());
            var (people, cards) = DemoSimulatedCards.Build(new Random(RandomSeed + 3), calendar, hospital,
                $"{hospital.LegalRepresentative?.FullName ?? hospital.Name} (commande F414)");
            var cardDates = cards.Select(c => (c.Id, c.CreatedAt, c.UpdatedAt)).ToList();
            db.People.AddRange(people);
            db.Cards.AddRange(cards);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await BackdateAsync(db, BackdateCards, cardDates, ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Demo registry entries of the {Count} simulated cards seeded ({Serials})", cards.Count, string.Join(", ", serials));
        }

        var valid = await db.Cards.AsNoTracking().Where(c => c.SerialNumber == DemoSimulatedCards.ValidSerial)
            .Select(c => new { c.Id, c.HolderId, c.Holder!.FirstName, c.Holder.LastName }).SingleOrDefaultAsync(ct);
        if (valid is null || await db.Tickets.AnyAsync(t => t.Cards.Any(tc => tc.CardId == valid.Id), ct)) return;
        var agent = accounts[DemoAccounts.Agent.Email];
        var tickets = new TicketService(dbFactory, clock, new DemoDeskActor(agent.Id, agent.DisplayName), sla);
        var created = await tickets.CreateAsync(new AccessScope(agent.Id, IsDesk: true, IsSupervisor: false, new HashSet<Guid>()), new NewTicket(
            DemoSimulatedCards.TicketSubject, TicketChannel.Phone, TicketCategory.Malfunction,
            RequesterName: $"{valid.FirstName} {valid.LastName}", PersonId: valid.HolderId, StructureId: hospital.Id, CardIds: [valid.Id],
            FirstNote: $"{valid.FirstName} {valid.LastName}, pharmacienne de l'établissement, appelle : sa carte de test n° {DemoSimulatedCards.ValidSerial} "
                       + "est refusée par le logiciel de la pharmacie. Vérifier la carte au lecteur avec elle (démonstration : lecteur simulé, carte « valide », "
                       + "code porteur 1234 ; les autres cartes simulées montrent les autres verdicts)."));
        logger.LogInformation("Demo ticket {Number} about the simulated card {Serial}", created.Number, DemoSimulatedCards.ValidSerial);
    }

    private sealed record DemoDeskActor(Guid? UserId, string Name) : ICurrentActor;

    /// <summary>Links the structure-manager and mandatary accounts to Hélène Rousseau and Julien Lefèvre; an account already linked is left alone.</summary>
    private async Task LinkPortalAccountsAsync(Dictionary<string, AppUser> accounts, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var (account, personEmail) in new[]
                 {
                     (DemoAccounts.StructureManager, DemoRegistryBuilder.DirectorEmail),
                     (DemoAccounts.Mandatary, DemoRegistryBuilder.MandataryEmail),
                 })
        {
            var user = accounts[account.Email];
            if (user.PersonId is not null) continue;
            var personId = await db.People.Where(p => p.Email == personEmail).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            if (personId is null)
            {
                logger.LogWarning("Demo account {Email} not linked: no person with e-mail {PersonEmail}", account.Email, personEmail);
                continue;
            }
            user.PersonId = personId;
            Check(await userManager.UpdateAsync(user), account, "linked to its person");
        }
    }

    private static void Check(IdentityResult result, DemoAccount account, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo account {account.Email} could not be {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
