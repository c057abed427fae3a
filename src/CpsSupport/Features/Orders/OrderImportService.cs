using System.Globalization;
using System.Text;
using CpsSupport.Features.Access;
using CpsSupport.Features.Requests;
using CsvHelper;

namespace CpsSupport.Features.Orders;

/// <summary>One line of an imported file: its number in the file, what it says, and the French errors found on it.</summary>
public sealed record ImportedLine(int FileLine, NewOrderLine Line, IReadOnlyList<string> Errors);

/// <summary>An imported file judged before anything is saved: every line with its errors, and the errors of the order itself.</summary>
public sealed record OrderImportPreview(IReadOnlyList<ImportedLine> Lines, IReadOnlyList<string> OrderErrors, IReadOnlyList<string> MissingPieces)
{
    public bool Valid => OrderErrors.Count == 0 && Lines.Count > 0 && Lines.All(l => l.Errors.Count == 0);
}

/// <summary>The file has errors: nothing was saved; <see cref="Preview"/> lists them per line.</summary>
public sealed class OrderImportRejectedException(OrderImportPreview preview)
    : RequestException("Le fichier contient des erreurs : rien n'a été enregistré. Corrigez les lignes signalées et importez-le à nouveau.")
{
    public OrderImportPreview Preview { get; } = preview;
}

/// <summary>
/// Bulk order import: a structure uploads a CSV of employees (columns nom, prénom, identifiant, profession, courriel;
/// separator ";" or ","), every line is checked by the order rules (identifier check digits, duplicates in the file,
/// active cards of the same type…) and shown with its French errors before anything is saved. The import itself is one
/// order filed in one transaction: all its lines or nothing.
/// </summary>
public sealed class OrderImportService(OrderService orders)
{
    /// <summary>Above this size a file is refused before reading (200 lines fit in far less).</summary>
    public const long MaxFileBytes = 512 * 1024;

    private static readonly string[] Columns = ["nom", "prenom", "identifiant", "profession", "courriel"];

    /// <summary>Reads and judges the file; saves nothing.</summary>
    public async Task<OrderImportPreview> PreviewAsync(AccessScope scope, NewOrder order, Stream csv, CancellationToken ct = default)
    {
        var (lines, errors) = await ReadAsync(csv, ct);
        if (errors.Count > 0 || lines.Count == 0)
            return new OrderImportPreview(lines.Select(l => new ImportedLine(l.FileLine, l.Line, [])).ToList(),
                errors.Count > 0 ? errors : ["Le fichier ne contient aucune ligne de porteur."], []);
        var check = await orders.CheckAsync(scope, order with { Lines = lines.Select(l => l.Line).ToList() }, ct);
        return new OrderImportPreview(
            lines.Select((l, i) => new ImportedLine(l.FileLine, l.Line, check.Lines[i].Errors)).ToList(),
            check.Rules.Where(r => !r.Allowed).Select(r => r.Explanation).ToList(), check.MissingPieces);
    }

    /// <summary>Reads, judges and files the order of the whole file at once, or nothing.</summary>
    /// <exception cref="OrderImportRejectedException">A line or the order is refused; nothing is saved.</exception>
    public async Task<OrderOutcome> ImportAsync(AccessScope scope, NewOrder order, Stream csv, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        await csv.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        var preview = await PreviewAsync(scope, order, buffer, ct);
        if (!preview.Valid) throw new OrderImportRejectedException(preview);
        // Judged again inside the filing's transaction, under the structure's lock.
        return await orders.FileAsync(scope, order with { Lines = preview.Lines.Select(l => l.Line).ToList() }, ct);
    }

    /// <summary>A CSV template with the expected header, for the screen's download link.</summary>
    public static string Template => "nom;prenom;identifiant;profession;courriel\r\nDUPONT;Marie;;Agent d'accueil;marie.dupont@example.fr\r\n";

    private static async Task<(List<(int FileLine, NewOrderLine Line)> Lines, List<string> Errors)> ReadAsync(Stream csv, CancellationToken ct)
    {
        var lines = new List<(int, NewOrderLine)>();
        var errors = new List<string>();
        if (csv.CanSeek && csv.Length > MaxFileBytes)
        {
            errors.Add($"Le fichier dépasse {MaxFileBytes / 1024} Ko.");
            return (lines, errors);
        }
        // Headers are matched without accents or case ("Prénom" = "prenom"); the separator is detected (";" from French spreadsheets, ",").
        var options = CsvReaderOptions.Default with
        {
            TrimWhitespace = true,
            NormalizeHeaderName = OrderCatalog.Fold,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            MalformedData = CsvMalformedDataHandling.Throw,
            TrackLineNumbers = true,
        };
        await using var reader = CsvReader.Create(csv, options, leaveOpen: true);
        try
        {
            await reader.ReadHeaderAsync(ct);
            var header = reader.Headers.Select(OrderCatalog.Fold).ToList();
            if (header.Count == 0)
            {
                errors.Add("Le fichier est vide.");
                return (lines, errors);
            }
            var missing = new[] { "nom", "prenom", "profession" }.Where(c => !header.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                errors.Add("Colonnes manquantes : " + string.Join(", ", missing) + $". En-tête attendu : {string.Join(";", Columns)}.");
                return (lines, errors);
            }
            while (await reader.ReadAsync(ct))
            {
                var fields = reader.Current.ToArray();
                string? Field(string name) => header.IndexOf(name) is var i and >= 0 && i < fields.Length ? fields[i] : null;
                var line = new NewOrderLine(Field("nom"), Field("prenom"), Field("identifiant"), Field("profession"), Field("courriel"));
                if (new[] { line.LastName, line.FirstName, line.Identifier, line.Profession, line.Email }.All(string.IsNullOrWhiteSpace)) continue;
                if (lines.Count >= Requests.Rules.RequestRules.MaxOrderLines)
                {
                    errors.Add($"Le fichier contient plus de {Requests.Rules.RequestRules.MaxOrderLines} porteurs : découpez-le en plusieurs commandes.");
                    break;
                }
                lines.Add(((int)reader.LineNumber, line));
            }
        }
        catch (CsvFormatException e)
        {
            errors.Add("Le fichier n'est pas un CSV lisible : " + e.Message);
        }
        return (lines, errors);
    }
}
