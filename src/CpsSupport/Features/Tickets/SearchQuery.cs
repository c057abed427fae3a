using System.Globalization;
using System.Text;

namespace CpsSupport.Features.Tickets;

/// <summary>
/// Turns what an agent types into a PostgreSQL tsquery for the <c>cps_french</c> configuration: every word must match,
/// and a word of the desk's vocabulary also matches its other forms the French stemmer does not join
/// ("perte" ↔ "perdu", "vol" ↔ "volée", "code" ↔ "PIN"), so "perte carte" finds "j'ai perdu ma carte".
/// </summary>
public static class SearchQuery
{
    private static readonly string[][] Groups =
    [
        ["perte", "perdu", "perdue", "perdus", "perdre", "égaré", "égarée", "égarer"],
        ["vol", "volé", "volée", "voler", "dérobé", "dérobée"],
        ["bloqué", "bloquée", "bloquer", "blocage", "verrouillé", "verrouillée"],
        ["code", "codes", "pin", "puk"],
        ["reçu", "reçue", "recu", "recue", "recevoir", "réception", "reception"],
        ["cassé", "cassée", "casse", "défectueux", "défectueuse", "dysfonctionnement", "fonctionne", "marche", "panne"],
        ["lecteur", "lecteurs", "boîtier"],
        ["adresse", "adresses", "déménagement", "déménagé", "livraison"],
        ["mandataire", "mandataires", "mandat", "délégation"],
        ["commande", "commandes", "commander", "commandé", "commandée"],
        ["opposition", "opposer", "opposée", "révocation", "révoquer", "révoquée"],
    ];

    private static readonly Dictionary<string, string[]> ByWord = Groups
        .SelectMany(g => g.Select(w => (Word: Fold(w), Group: g)))
        .GroupBy(x => x.Word).ToDictionary(x => x.Key, x => x.First().Group);

    /// <summary>The tsquery text (for <c>to_tsquery</c>), or null when nothing searchable was typed.</summary>
    public static string? ToTsQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var terms = new List<string>();
        foreach (var word in Words(text))
        {
            var forms = ByWord.TryGetValue(Fold(word), out var group) ? group : [word];
            terms.Add(forms.Length == 1 ? Quote(forms[0]) : "(" + string.Join(" | ", forms.Select(Quote)) + ")");
        }
        return terms.Count == 0 ? null : string.Join(" & ", terms);
    }

    /// <summary>Letters and digits runs: everything else (quotes, operators of the tsquery syntax) is a separator.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) current.Append(c);
            else if (current.Length > 0) { yield return current.ToString(); current.Clear(); }
        }
        if (current.Length > 0) yield return current.ToString();
    }

    private static string Quote(string word) => "'" + word + "'";

    private static string Fold(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
        return sb.ToString();
    }
}
