using System.Globalization;
using System.Text;
using System.Text.Json;
using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Paging;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Cards;

/// <summary>
/// The revocation list: every opposed card (serial, holder identifier, opposition date, reason), as a page, a CSV or a
/// JSON export, and the check the card-verification module makes for one card or certificate. Through the caller's scope.
/// </summary>
public sealed class RevocationListService(IDbContextFactory<CpsDbContext> dbFactory)
{
    public const string CsvHeader = "numero_serie;identifiant_porteur;date_opposition;motif";

    /// <summary>Opposed cards, most recent opposition first.</summary>
    public async Task<PagedResult<RevokedCardRow>> ListAsync(AccessScope scope, RevocationQuery query, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var opposed = Opposed(db, scope, query);
        var total = await opposed.CountAsync(ct);
        var items = await Rows(opposed.OrderByDescending(c => c.OpposedAt).ThenBy(c => c.SerialNumber)).Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<RevokedCardRow>(items, total);
    }

    /// <summary>
    /// Writes the list as CSV for spreadsheets: UTF-8 with BOM, ';' separated (French Excel), dates in ISO 8601 UTC,
    /// fields quoted when needed and neutralised when they would start a formula. Streams: the list may be long.
    /// </summary>
    public async Task WriteCsvAsync(AccessScope scope, RevocationQuery query, Stream output, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(CsvHeader);
        await foreach (var row in Rows(Opposed(db, scope, query).OrderBy(c => c.OpposedAt).ThenBy(c => c.SerialNumber)).AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.WriteLineAsync(string.Join(';', Csv(row.SerialNumber), Csv(row.HolderIdentifier ?? ""), Instant(row.OpposedAt), Csv(row.Reason)));
        }
    }

    /// <summary>Writes the list as a JSON array of { serialNumber, holderIdentifier, opposedAt, reason }, streamed.</summary>
    public async Task WriteJsonAsync(AccessScope scope, RevocationQuery query, Stream output, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartArray();
        await foreach (var row in Rows(Opposed(db, scope, query).OrderBy(c => c.OpposedAt).ThenBy(c => c.SerialNumber)).AsAsyncEnumerable().WithCancellation(ct))
        {
            json.WriteStartObject();
            json.WriteString("serialNumber", row.SerialNumber);
            if (row.HolderIdentifier is null) json.WriteNull("holderIdentifier");
            else json.WriteString("holderIdentifier", row.HolderIdentifier);
            json.WriteString("opposedAt", Instant(row.OpposedAt));
            json.WriteString("reason", row.Reason);
            json.WriteEndObject();
            if (json.BytesPending > 16_384) await json.FlushAsync(ct);
        }
        json.WriteEndArray();
        await json.FlushAsync(ct);
    }

    /// <summary>
    /// Is this card (by its serial) or this certificate (by its serial) revoked? The card-verification module asks after
    /// reading a card: an opposed card, or a revoked certificate, must be refused.
    /// </summary>
    public async Task<RevocationCheck> CheckAsync(AccessScope scope, string serialNumber, CancellationToken ct = default)
    {
        var serial = serialNumber.Replace(" ", "").Replace(":", "").Trim();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cards = db.Cards.AsNoTracking().VisibleTo(scope);
        var card = await cards.Where(c => c.SerialNumber == serial)
            .Select(c => new { c.SerialNumber, c.Status, c.OpposedAt, c.OppositionReason }).SingleOrDefaultAsync(ct);
        if (card is not null)
            return new RevocationCheck(true, card.Status == CardStatus.Opposed, card.SerialNumber, card.Status, card.OpposedAt, card.OppositionReason);
        var certificate = await db.CardCertificates.AsNoTracking()
            .Where(x => x.SerialNumber.ToUpper() == serial.ToUpperInvariant())
            .Join(cards, x => x.CardId, c => c.Id, (x, c) => new { x.RevokedAt, x.RevocationReason, c.SerialNumber, c.Status, c.OpposedAt, c.OppositionReason })
            .SingleOrDefaultAsync(ct);
        if (certificate is null) return new RevocationCheck(false, false, null, null, null, null);
        var revokedAt = certificate.RevokedAt ?? (certificate.Status == CardStatus.Opposed ? certificate.OpposedAt : null);
        return new RevocationCheck(true, revokedAt is not null, certificate.SerialNumber, certificate.Status, revokedAt,
            certificate.RevocationReason ?? certificate.OppositionReason);
    }

    private static IQueryable<Card> Opposed(CpsDbContext db, AccessScope scope, RevocationQuery query)
    {
        var cards = db.Cards.AsNoTracking().VisibleTo(scope).Where(c => c.Status == CardStatus.Opposed && c.OpposedAt != null);
        if (query.Since is { } since) cards = cards.Where(c => c.OpposedAt >= since);
        if (query.StructureId is { } structureId) cards = cards.Where(c => c.StructureId == structureId);
        return cards;
    }

    private static IQueryable<RevokedCardRow> Rows(IQueryable<Card> cards) =>
        cards.Select(c => new RevokedCardRow(c.SerialNumber, c.Holder!.NationalId, c.OpposedAt!.Value, c.OppositionReason ?? ""));

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Quotes a field when it holds a separator, a quote or a line break; a leading =, +, - or @ becomes text, not a formula.</summary>
    private static string Csv(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
