using System.Globalization;
using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Calendar;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Dashboard;
using CpsSupport.Features.Paging;
using CpsSupport.Features.Requests;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.StructurePortal;

/// <summary>
/// The card fleet of a structure as its manager or mandatary sees it in the portal: who holds which card, in what state,
/// until when. Every method goes through the caller's <see cref="AccessScope"/>: a structure outside it is "not found".
/// </summary>
public sealed class FleetService(IDbContextFactory<CpsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Same horizon as the dashboard: a new card takes about 10 business days, so 60 days leave time to renew.</summary>
    public const int ExpiresSoonDays = DashboardService.ExpiryWindowDays;

    public const int MaxExpiringWithinDays = 3650;

    /// <summary>The CSV columns, in French for the structure's spreadsheet.</summary>
    public static readonly string[] CsvHeader =
        ["Titulaire", "Identifiant national", "Profession", "Type de carte", "N° de série", "Statut", "Date d'émission", "Date d'expiration", "Expire bientôt"];

    private static readonly CardStatus[] InCirculation = [.. CardExpiryService.ExpirableStatuses];

    /// <summary>A departure can be declared on a card the holder has or is about to receive (seeds/001: opposition of a card in circulation).</summary>
    private static readonly CardStatus[] DepartureStatuses = [CardStatus.Shipped, CardStatus.CodesSent, CardStatus.Active, CardStatus.Blocked];

    private static readonly RequestStatus[] PendingRequestStatuses =
        [RequestStatus.Submitted, RequestStatus.MissingPieces, RequestStatus.Validated, RequestStatus.InProgress];

    /// <summary>
    /// The caller's structures (the ones they head or hold a running mandate for) with their fleet counts — cards, cards in
    /// circulation, expiring within <see cref="ExpiresSoonDays"/> days, opposed — and their requests still under way.
    /// </summary>
    public async Task<IReadOnlyList<PortalStructureSummary>> MyStructuresAsync(AccessScope scope, CancellationToken ct = default)
    {
        var today = ParisClock.Today(clock);
        var horizon = today.AddDays(ExpiresSoonDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var structures = await db.Structures.AsNoTracking().VisibleTo(scope).OrderBy(s => s.Name).Take(100)
            .Select(s => new { s.Id, s.Name, s.Kind, s.Finess, s.LegalRepresentativeId }).ToListAsync(ct);
        var ids = structures.Select(s => s.Id).ToList();
        var cards = await db.Cards.AsNoTracking().Where(c => c.StructureId != null && ids.Contains(c.StructureId.Value))
            .GroupBy(c => c.StructureId!.Value)
            .Select(g => new
            {
                Id = g.Key,
                Count = g.Count(),
                InCirculation = g.Count(c => InCirculation.Contains(c.Status)),
                Expiring = g.Count(c => InCirculation.Contains(c.Status) && c.ValidUntil != null && c.ValidUntil >= today && c.ValidUntil <= horizon),
                Opposed = g.Count(c => c.Status == CardStatus.Opposed),
            })
            .ToDictionaryAsync(x => x.Id, ct);
        var pending = await db.Requests.AsNoTracking().VisibleTo(scope)
            .Where(r => r.StructureId != null && ids.Contains(r.StructureId.Value) && PendingRequestStatuses.Contains(r.Status))
            .GroupBy(r => r.StructureId!.Value).Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        var personId = scope.UserId is { } userId
            ? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.PersonId).SingleOrDefaultAsync(ct)
            : null;
        return structures.Select(s =>
        {
            var counts = cards.GetValueOrDefault(s.Id);
            return new PortalStructureSummary(s.Id, s.Name, s.Kind, s.Finess, personId is not null && s.LegalRepresentativeId == personId,
                counts?.Count ?? 0, counts?.InCirculation ?? 0, counts?.Expiring ?? 0, counts?.Opposed ?? 0, pending.GetValueOrDefault(s.Id));
        }).ToList();
    }

    /// <summary>
    /// One page of the structure's fleet, filtered and sorted on the server; null when the structure does not exist or is
    /// outside the caller's scope (the two are never told apart).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The "expiring within" window is negative or beyond ten years.</exception>
    public async Task<PagedResult<FleetRow>?> SearchAsync(AccessScope scope, Guid structureId, FleetQuery query, PageRequest page, CancellationToken ct = default)
    {
        Validate(query);
        var today = ParisClock.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Structures.VisibleTo(scope).AnyAsync(s => s.Id == structureId, ct)) return null;
        var cards = Filter(db, scope, structureId, query, today);
        var total = await cards.CountAsync(ct);
        var items = await Project(Sort(cards, page.SortBy, page.Descending).Skip(page.Skip).Take(page.Take), today).ToListAsync(ct);
        return new PagedResult<FleetRow>(items, total);
    }

    /// <summary>
    /// Writes the whole filtered fleet as CSV for a spreadsheet: UTF-8 with BOM, ';' separated, French headers and dates
    /// (dd/MM/yyyy), formulas neutralised. Returns false, writing nothing, when the structure is not visible to the caller.
    /// </summary>
    public async Task<bool> WriteCsvAsync(AccessScope scope, Guid structureId, FleetQuery query, Stream output, CancellationToken ct = default)
    {
        Validate(query);
        var today = ParisClock.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Structures.VisibleTo(scope).AnyAsync(s => s.Id == structureId, ct)) return false;
        var rows = Project(Sort(Filter(db, scope, structureId, query, today), null, false), today).AsAsyncEnumerable();

        var options = new CsvWriterOptions { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        await csv.WriteRecordAsync(CsvHeader, ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            await csv.WriteRecordAsync(
            [
                row.HolderName, row.HolderNationalId ?? "", row.HolderProfession ?? "", CardLabels.Type(row.Type), row.SerialNumber,
                StatusText(row.Status), Day(row.ValidFrom), Day(row.ValidUntil), row.ExpiresSoon ? "oui" : "non",
            ], ct);
        }
        await csv.FlushAsync(ct);
        return true;
    }

    /// <summary>The structure's name when the caller may see it (titles, file names).</summary>
    public async Task<string?> StructureNameAsync(AccessScope scope, Guid structureId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Structures.AsNoTracking().VisibleTo(scope).Where(s => s.Id == structureId).Select(s => s.Name).SingleOrDefaultAsync(ct);
    }

    /// <summary>The French error of a wrong filter, or null.</summary>
    public static string? ErrorOf(FleetQuery query) =>
        query.ExpiringWithinDays is < 0 or > MaxExpiringWithinDays
            ? $"Le nombre de jours avant expiration doit être compris entre 0 et {MaxExpiringWithinDays}."
            : null;

    /// <summary>Capitalised French status, as the screens show it ("Active", "Mise en opposition").</summary>
    public static string StatusText(CardStatus status)
    {
        var text = CardLabels.Status(status);
        return char.ToUpper(text[0], CultureInfo.GetCultureInfo("fr-FR")) + text[1..];
    }

    private static void Validate(FleetQuery query)
    {
        if (ErrorOf(query) is { } error) throw new ArgumentOutOfRangeException(nameof(query), error);
    }

    private static IQueryable<Card> Filter(CpsDbContext db, AccessScope scope, Guid structureId, FleetQuery query, DateOnly today)
    {
        var cards = db.Cards.AsNoTracking().VisibleTo(scope).Where(c => c.StructureId == structureId);
        if (query.Status is { } status) cards = cards.Where(c => c.Status == status);
        if (query.Type is { } type) cards = cards.Where(c => c.Type == type);
        if (query.ExpiringWithinDays is { } days)
        {
            var horizon = today.AddDays(days);
            cards = cards.Where(c => InCirculation.Contains(c.Status) && c.ValidUntil != null && c.ValidUntil >= today && c.ValidUntil <= horizon);
        }
        if (SearchText.Normalize(query.Search) is { } text)
        {
            if (SearchText.IsIdentifierLike(text))
            {
                var digits = text.Replace(" ", "");
                var ids = SearchText.NationalIdCandidates(digits);
                cards = cards.Where(c => c.SerialNumber.StartsWith(digits) || ids.Contains(c.Holder!.NationalId!));
            }
            else
            {
                var pattern = SearchText.LikePattern(text);
                cards = cards.Where(c => EF.Functions.ILike(c.Holder!.LastName, pattern) || EF.Functions.ILike(c.Holder.FirstName, pattern)
                    || EF.Functions.ILike(c.Holder.FirstName + " " + c.Holder.LastName, pattern));
            }
        }
        return cards;
    }

    private static IOrderedQueryable<Card> Sort(IQueryable<Card> cards, string? sortBy, bool descending) => (sortBy, descending) switch
    {
        ("SerialNumber", false) => cards.OrderBy(c => c.SerialNumber),
        ("SerialNumber", true) => cards.OrderByDescending(c => c.SerialNumber),
        ("Status", var desc) => cards.OrderByDeclaration(c => c.Status, desc).ThenBy(c => c.SerialNumber),
        ("Type", var desc) => cards.OrderByDeclaration(c => c.Type, desc).ThenBy(c => c.SerialNumber),
        ("ValidFrom", false) => cards.OrderBy(c => c.ValidFrom).ThenBy(c => c.SerialNumber),
        ("ValidFrom", true) => cards.OrderByDescending(c => c.ValidFrom).ThenBy(c => c.SerialNumber),
        ("ValidUntil", false) => cards.OrderBy(c => c.ValidUntil).ThenBy(c => c.SerialNumber),
        ("ValidUntil", true) => cards.OrderByDescending(c => c.ValidUntil).ThenBy(c => c.SerialNumber),
        ("HolderName", true) => cards.OrderByDescending(c => c.Holder!.LastName).ThenByDescending(c => c.Holder!.FirstName).ThenBy(c => c.SerialNumber),
        _ => cards.OrderBy(c => c.Holder!.LastName).ThenBy(c => c.Holder!.FirstName).ThenBy(c => c.SerialNumber),
    };

    private static IQueryable<FleetRow> Project(IQueryable<Card> cards, DateOnly today)
    {
        var horizon = today.AddDays(ExpiresSoonDays);
        return cards.Select(c => new FleetRow(c.Id, c.HolderId, c.Holder!.FirstName + " " + c.Holder.LastName.ToUpper(), c.Holder.NationalId, c.Holder.Profession,
            c.Type, c.SerialNumber, c.Status, c.ValidFrom, c.ValidUntil,
            InCirculation.Contains(c.Status) && c.ValidUntil != null && c.ValidUntil >= today && c.ValidUntil <= horizon,
            DepartureStatuses.Contains(c.Status)));
    }

    private static string Day(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
}
