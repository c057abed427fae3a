using System.Text;
using System.Text.Json;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Incidents;
using CpsSupport.Features.Paging;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.TestUtilities;

namespace CpsSupport.Tests.Features.Incidents;

/// <summary>The revocation list of opposed cards: query, CSV and JSON exports, and the card-verification check.</summary>
public sealed class RevocationListServiceTests
{
    [Fact]
    public async Task Revocation_list_exports_opposed_cards_with_serial_holder_identifier_date_and_reason_as_csv_and_json()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 10, 9));
        await w.DeclareAsync(IncidentKind.Theft, RequestChannel.Tom, cardId: w.NurseCard);
        w.Clock.Advance(TimeSpan.FromHours(1));
        await w.DeclareAsync(IncidentKind.Loss, RequestChannel.Tom, comment: "=HYPERLINK(\"x\") ; oubliée dans le train");
        var nurseSerial = (await w.CardAsync(w.NurseCard)).SerialNumber;

        var page = await w.Revocations.ListAsync(w.Desk, new RevocationQuery(), new PageRequest());
        Assert.Equal([w.EmployeeCardSerial, nurseSerial], page.Items.Select(r => r.SerialNumber));
        Assert.Equal("899700026547", page.Items[1].HolderIdentifier);
        Assert.Null(page.Items[0].HolderIdentifier);

        using var csv = new MemoryStream();
        await w.Revocations.WriteCsvAsync(w.Desk, new RevocationQuery(), csv);
        var bytes = csv.ToArray();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(RevocationListService.CsvHeader, lines[0]);
        Assert.StartsWith($"{nurseSerial};899700026547;2026-06-10T07:00:00Z;Vol — demande DEM-2026-", lines[1]);
        Assert.StartsWith($"{w.EmployeeCardSerial};;2026-06-10T08:00:00Z;\"Perte (=HYPERLINK(\"\"x\"\") ; oubliée dans le train)", lines[2]);
        Assert.Equal(3, lines.Length);

        using var json = new MemoryStream();
        await w.Revocations.WriteJsonAsync(w.Desk, new RevocationQuery(), json);
        using var document = JsonDocument.Parse(json.ToArray());
        var rows = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(nurseSerial, rows[0].GetProperty("serialNumber").GetString());
        Assert.Equal("899700026547", rows[0].GetProperty("holderIdentifier").GetString());
        Assert.Equal("2026-06-10T07:00:00Z", rows[0].GetProperty("opposedAt").GetString());
        Assert.StartsWith("Vol", rows[0].GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("holderIdentifier").ValueKind);
    }

    [Fact]
    public async Task Csv_field_starting_like_a_formula_is_neutralised()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 10, 9));
        await w.ReadAsync(async db =>
        {
            var card = db.Cards.Single(c => c.Id == w.EmployeeCard);
            (card.Status, card.OpposedAt, card.OppositionReason) = (CardStatus.Opposed, w.Clock.GetUtcNow(), "=1+1");
            return await db.SaveChangesAsync();
        });

        using var csv = new MemoryStream();
        await w.Revocations.WriteCsvAsync(w.Desk, new RevocationQuery(), csv);

        Assert.EndsWith(";'=1+1", Encoding.UTF8.GetString(csv.ToArray()).Split("\r\n")[1]);
    }

    [Fact]
    public async Task Card_verification_check_answers_for_a_card_serial_and_for_a_certificate_serial()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 10, 9));
        Assert.False((await w.Revocations.CheckAsync(w.Desk, w.EmployeeCardSerial)).Revoked);

        await w.DeclareAsync(IncidentKind.Loss, RequestChannel.Tom);

        var byCard = await w.Revocations.CheckAsync(w.Desk, w.EmployeeCardSerial);
        Assert.Equal((true, true, CardStatus.Opposed), (byCard.Known, byCard.Revoked, byCard.Status));
        Assert.Equal(w.Clock.Now, byCard.RevokedAt);
        var byCertificate = await w.Revocations.CheckAsync(w.Desk, "0a:1b:2c:3d:4e:5f:60:71:82:93");
        Assert.Equal((true, true, w.EmployeeCardSerial), (byCertificate.Known, byCertificate.Revoked, byCertificate.CardSerialNumber));
        Assert.False((await w.Revocations.CheckAsync(w.Desk, "0000000000")).Known);
    }

    [Fact]
    public async Task Portal_user_gets_only_the_opposed_cards_of_their_structures()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 10, 9));
        await w.DeclareAsync(IncidentKind.Loss, RequestChannel.Tom);
        await w.DeclareAsync(IncidentKind.Loss, RequestChannel.Phone, RequesterCapacity.Holder, cardId: w.ClinicCard, unblockCode: true);

        var page = await w.Revocations.ListAsync(await w.HeadScopeAsync(), new RevocationQuery(), new PageRequest());

        Assert.Equal([w.EmployeeCardSerial], page.Items.Select(r => r.SerialNumber));
        Assert.Equal(2, (await w.Revocations.ListAsync(w.Desk, new RevocationQuery(), new PageRequest())).TotalCount);
    }
}
