using System.Text;
using CpsSupport.Features.Access;
using CpsSupport.Features.Accounts;
using CpsSupport.Features.Calendar;
using CpsSupport.Features.Orders;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.Features.Incidents;
using CpsSupport.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CpsSupport.Tests.Features.Orders;

/// <summary>CSV import of an order: every line judged before anything is saved, then all lines in one transaction or nothing.</summary>
public sealed class OrderImportServiceTests
{
    private static OrderImportService Import(IncidentWorld w) => new(new OrderService(w.Factory, w.Clock, IncidentWorld.Actor, BusinessCalendar.Default));

    private static NewOrder Order(IncidentWorld w) => new(w.Hospital, FormCode.F301, RequestChannel.Portal, RequesterCapacity.Mandatary, []);

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    private static Task<AccessScope> MandataryScope(IncidentWorld w) => w.ScopeAsync(w.MandataryUser, Roles.Mandatary);

    private const string Good = "Nom;Prénom;Identifiant;Profession;Courriel\n"
        + "Bernard;Lucas;;Agent d'accueil;lucas.bernard@example.fr\n"
        + "Petit;Emma;;Secrétaire médicale;\n"
        + "Roux;Hugo;;Agent administratif;\n";

    [Fact]
    public async Task Good_file_becomes_one_order_with_every_line()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));

        var outcome = await Import(w).ImportAsync(await MandataryScope(w), Order(w), Csv(Good));

        Assert.Equal((RequestStatus.Submitted, 3), (outcome.Status, outcome.LineCount));
        var lines = await w.ReadAsync(db => db.OrderLines.OrderBy(l => l.Position).ToListAsync());
        Assert.Equal(["Bernard", "Petit", "Roux"], lines.Select(l => l.LastName));
        Assert.Equal("lucas.bernard@example.fr", lines[0].Email);
    }

    [Fact]
    public async Task Comma_separated_file_without_accents_in_the_header_is_read_too()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));

        var preview = await Import(w).PreviewAsync(await MandataryScope(w), Order(w), Csv("NOM,prenom,profession\r\nBernard,Lucas,Agent d'accueil\r\n"));

        Assert.True(preview.Valid, string.Join(" | ", preview.Lines.SelectMany(l => l.Errors).Concat(preview.OrderErrors)));
        Assert.Equal("Lucas", Assert.Single(preview.Lines).Line.FirstName);
    }

    [Fact]
    public async Task Bad_and_duplicate_lines_are_shown_with_their_french_errors_and_nothing_is_saved()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        var csv = "nom;prenom;identifiant;profession\n"
            + "Bernard;Lucas;;Agent d'accueil\n"          // line 2: good
            + "Blanc;Julie;99700026548;Agent d'accueil\n" // line 3: wrong RPPS key
            + "Legrand;Sophie;;Secrétaire médicale\n"      // line 4: already holds an active CPE
            + "bernard;LUCAS;;Agent d'accueil\n"          // line 5: duplicate of line 2
            + ";Nina;;\n";                                  // line 6: no last name, no job

        var preview = await Import(w).PreviewAsync(await MandataryScope(w), Order(w), Csv(csv));

        Assert.False(preview.Valid);
        Assert.Equal([2, 3, 4, 5, 6], preview.Lines.Select(l => l.FileLine));
        Assert.Empty(preview.Lines[0].Errors);
        Assert.Contains(preview.Lines[1].Errors, e => e.Contains("RPPS"));
        Assert.Contains(preview.Lines[2].Errors, e => e.Contains("déjà une carte"));
        Assert.Contains(preview.Lines[3].Errors, e => e.Contains("Doublon") && e.Contains("ligne 1"));
        Assert.Contains(preview.Lines[4].Errors, e => e.Contains("le nom") && e.Contains("la fonction"));

        var rejected = await Assert.ThrowsAsync<OrderImportRejectedException>(async () => await Import(w).ImportAsync(await MandataryScope(w), Order(w), Csv(csv)));
        Assert.Equal(4, rejected.Preview.Lines.Count(l => l.Errors.Count > 0));
        Assert.Equal(0, await w.ReadAsync(db => db.Requests.CountAsync()));
        Assert.Equal(0, await w.ReadAsync(db => db.OrderLines.CountAsync()));
    }

    [Fact]
    public async Task File_without_the_expected_columns_is_refused_with_the_expected_header()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));

        var preview = await Import(w).PreviewAsync(await MandataryScope(w), Order(w), Csv("name;surname\nA;B\n"));

        Assert.False(preview.Valid);
        Assert.Contains("Colonnes manquantes", Assert.Single(preview.OrderErrors));
    }

    [Fact]
    public async Task Failure_in_the_middle_of_the_import_leaves_nothing_saved()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        // The database refuses the second line once the request and the first line are written: a failure mid-import.
        await using (var connection = new NpgsqlConnection(w.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                CREATE FUNCTION fail_second_line() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.position = 2 THEN RAISE EXCEPTION 'panne simulée pendant l''import'; END IF;
                  RETURN NEW;
                END $$;
                CREATE TRIGGER fail_second_line BEFORE INSERT ON order_lines FOR EACH ROW EXECUTE FUNCTION fail_second_line();
                """, connection);
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await Import(w).ImportAsync(await MandataryScope(w), Order(w), Csv(Good)));

        Assert.Contains("panne simulée", error.ToString());
        Assert.Equal(0, await w.ReadAsync(db => db.Requests.CountAsync()));
        Assert.Equal(0, await w.ReadAsync(db => db.OrderLines.CountAsync()));
        Assert.Equal(0, await w.ReadAsync(db => db.RequestEvents.CountAsync()));
    }
}
