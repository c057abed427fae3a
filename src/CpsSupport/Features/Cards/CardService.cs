using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Paging;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Cards;

/// <summary>Reads the card registry, always through the caller's <see cref="AccessScope"/>.</summary>
public sealed class CardService(IDbContextFactory<CpsDbContext> dbFactory)
{
    /// <summary>
    /// Searches cards by serial (prefix), holder national identifier (8+RPPS, 0+ADELI, or the bare RPPS/ADELI),
    /// holder name or structure name; a portal user gets only their structures' cards.
    /// </summary>
    public async Task<PagedResult<CardRow>> SearchAsync(AccessScope scope, CardQuery query, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cards = db.Cards.AsNoTracking().VisibleTo(scope);
        if (query.Status is { } status) cards = cards.Where(c => c.Status == status);
        if (query.Type is { } type) cards = cards.Where(c => c.Type == type);
        if (query.StructureId is { } structureId) cards = cards.Where(c => c.StructureId == structureId);
        if (query.HolderId is { } holderId) cards = cards.Where(c => c.HolderId == holderId);
        if (SearchText.Normalize(query.Search) is { } text)
        {
            // The matching people and structures are looked up first, each through its own index, so the card query
            // reads the cards table alone (serial prefix OR holder OR structure), instead of joining three whole tables.
            if (SearchText.IsIdentifierLike(text))
            {
                var digits = text.Replace(" ", "");
                var ids = SearchText.NationalIdCandidates(digits);
                var holders = await db.People.AsNoTracking().Where(p => ids.Contains(p.NationalId!)).Select(p => p.Id).ToListAsync(ct);
                cards = cards.Where(c => c.SerialNumber.StartsWith(digits) || holders.Contains(c.HolderId));
            }
            else
            {
                var pattern = SearchText.LikePattern(text);
                var holders = await db.People.AsNoTracking()
                    .Where(p => EF.Functions.ILike(p.LastName, pattern) || EF.Functions.ILike(p.FirstName, pattern))
                    .Select(p => p.Id).ToListAsync(ct);
                var structures = await db.Structures.AsNoTracking().Where(st => EF.Functions.ILike(st.Name, pattern))
                    .Select(st => (Guid?)st.Id).ToListAsync(ct);
                cards = cards.Where(c => holders.Contains(c.HolderId) || structures.Contains(c.StructureId));
            }
        }

        var total = await cards.CountAsync(ct);
        var sorted = (page.SortBy, page.Descending) switch
        {
            ("SerialNumber", false) => cards.OrderBy(c => c.SerialNumber),
            ("SerialNumber", true) => cards.OrderByDescending(c => c.SerialNumber),
            ("Status", var descending) => cards.OrderByDeclaration(c => c.Status, descending).ThenBy(c => c.SerialNumber),
            ("Type", false) => cards.OrderBy(c => c.Type).ThenBy(c => c.SerialNumber),
            ("Type", true) => cards.OrderByDescending(c => c.Type).ThenBy(c => c.SerialNumber),
            ("ValidUntil", false) => cards.OrderBy(c => c.ValidUntil).ThenBy(c => c.SerialNumber),
            ("ValidUntil", true) => cards.OrderByDescending(c => c.ValidUntil).ThenBy(c => c.SerialNumber),
            ("HolderName", true) => cards.OrderByDescending(c => c.Holder!.LastName).ThenByDescending(c => c.Holder!.FirstName),
            ("StructureName", false) => cards.OrderBy(c => c.Structure!.Name).ThenBy(c => c.SerialNumber),
            ("StructureName", true) => cards.OrderByDescending(c => c.Structure!.Name).ThenBy(c => c.SerialNumber),
            _ => cards.OrderBy(c => c.Holder!.LastName).ThenBy(c => c.Holder!.FirstName).ThenBy(c => c.SerialNumber),
        };
        var items = await sorted.Skip(page.Skip).Take(page.Take)
            .Select(c => new CardRow(c.Id, c.Type, c.SerialNumber, c.Status,
                c.HolderId, c.Holder!.FirstName + " " + c.Holder.LastName.ToUpper(), c.Holder.NationalId,
                c.StructureId, c.Structure != null ? c.Structure.Name : null, c.ValidUntil))
            .ToListAsync(ct);
        return new PagedResult<CardRow>(items, total);
    }

    /// <summary>One card with its lifecycle history, or null when it does not exist or is outside the caller's scope.</summary>
    public async Task<CardDetail?> GetAsync(AccessScope scope, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Cards.AsNoTracking().VisibleTo(scope).Where(c => c.Id == id)
            .Select(c => new CardDetail(c.Id, c.Type, c.SerialNumber, c.Status,
                c.HolderId, c.Holder!.FirstName + " " + c.Holder.LastName.ToUpper(), c.Holder.NationalId, c.Holder.Profession,
                c.StructureId, c.Structure != null ? c.Structure.Name : null,
                c.ValidFrom, c.ValidUntil, c.OpposedAt, c.OppositionReason, c.CreatedAt,
                c.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new CardEventDto(e.At, e.Status, e.Actor, e.Reason)).ToList(),
                c.ExpectedOn, c.CodesExpectedOn, c.ReplacesCardId,
                db.Cards.Where(n => n.ReplacesCardId == c.Id).OrderByDescending(n => n.CreatedAt).Select(n => (Guid?)n.Id).FirstOrDefault(),
                c.ShipmentFlag, c.ReturnRequestedAt,
                c.Certificates.OrderBy(x => x.Usage).Select(x => new CardCertificateDto(x.SerialNumber, x.Usage, x.ExpiresAt, x.RevokedAt, x.RevocationReason)).ToList()))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>Finds a card by its exact serial number within the caller's scope.</summary>
    public async Task<CardDetail?> GetBySerialAsync(AccessScope scope, string serial, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var normalized = serial.Trim().Replace(" ", "");
        var id = await db.Cards.AsNoTracking().VisibleTo(scope).Where(c => c.SerialNumber == normalized).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
        return id is null ? null : await GetAsync(scope, id.Value, ct);
    }
}
