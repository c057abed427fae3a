using System.Text.RegularExpressions;
using CpsSupport.Features.Identifiers;
using CpsSupport.Features.Tickets;

namespace CpsSupport.Features.Mail;

/// <summary>An identifier found in a mail and valid by its check digit: a proposal for the agent, not a link made for them.</summary>
public sealed record FoundIdentifier(string Kind, string Value);

/// <summary>What the text of a mail suggests: its category (loss, theft…) and the identifiers it quotes.</summary>
public static partial class MailTextHints
{
    private static readonly (TicketCategory Category, Regex Pattern)[] Categories =
    [
        (TicketCategory.Theft, new(@"\b(vol|vol[ée]e?s?|d[ée]rob[ée]e?|stolen|theft|plainte)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)),
        (TicketCategory.Loss, new(@"\b(perte|perdue?s?|[ée]gar[ée]e?|lost|introuvable)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)),
        (TicketCategory.BlockedPin, new(@"\b(bloqu[ée]e?|code (pin|porteur) bloqu|puk|d[ée]blocage)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)),
        (TicketCategory.ForgottenPin, new(@"\b(oubli[ée]?|forgot(ten)?)\b.{0,30}\b(code|pin)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)),
        (TicketCategory.CodesNotReceived, new(@"\bcodes?\b.{0,30}\bpas (été )?re[çc]us?\b|\bcodes? non re[çc]us?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)),
        (TicketCategory.CardNotReceived, new(@"\bcarte\b.{0,30}\b(pas (encore )?(été )?re[çc]ue|non re[çc]ue|jamais re[çc]ue)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)),
        (TicketCategory.Malfunction, new(@"\b(ne fonctionne (plus|pas)|d[ée]fectueuse|illisible|cass[ée]e|ab[îi]m[ée]e|dysfonctionnement|erreur de lecture)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)),
        (TicketCategory.ECpsActivation, new(@"\be-?cps\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)),
        (TicketCategory.ReaderSetup, new(@"\b(lecteur|cryptolib|pilote|driver)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)),
        (TicketCategory.DeliveryAddressChange, new(@"\b(changement|modification) d'adresse\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)),
    ];

    /// <summary>The first category whose words appear in the subject, else in the text; <see cref="TicketCategory.Other"/> when none.</summary>
    public static TicketCategory SuggestCategory(string subject, string text)
    {
        foreach (var source in new[] { subject, text.Length > 4000 ? text[..4000] : text })
        {
            foreach (var (category, pattern) in Categories)
            {
                if (pattern.IsMatch(source)) return category;
            }
        }
        return TicketCategory.Other;
    }

    /// <summary>
    /// Valid identifiers quoted in the text: RPPS (11 digits, Luhn), SIRET (14 digits), FINESS (9 digits, Luhn) when
    /// named as such, ADELI (9 digits) when named as such, and 10-digit numbers as candidate card serials.
    /// </summary>
    public static IReadOnlyList<FoundIdentifier> FindIdentifiers(string subject, string text)
    {
        var source = subject + "\n" + (text.Length > 20_000 ? text[..20_000] : text);
        var found = new List<FoundIdentifier>();
        foreach (Match m in Digits().Matches(source))
        {
            var value = m.Value.Replace(" ", "", StringComparison.Ordinal);
            var before = source[Math.Max(0, m.Index - 30)..m.Index].ToLowerInvariant();
            switch (value.Length)
            {
                case 11 when IdentifierValidator.ValidateRpps(value).IsValid:
                    found.Add(new("RPPS", value));
                    break;
                case 14 when IdentifierValidator.ValidateSiret(value).IsValid:
                    found.Add(new("SIRET", value));
                    break;
                case 9 when before.Contains("finess", StringComparison.Ordinal) && IdentifierValidator.ValidateFiness(value).IsValid:
                    found.Add(new("FINESS", value));
                    break;
                case 9 when before.Contains("adeli", StringComparison.Ordinal) && IdentifierValidator.ValidateAdeli(value).IsValid:
                    found.Add(new("ADELI", value));
                    break;
                case 10:
                    found.Add(new("Carte", value));
                    break;
            }
        }
        return found.Distinct().Take(20).ToList();
    }

    [GeneratedRegex(@"(?<![\d\-])\d(?:[\d ]{7,17}\d)(?![\d\-])")]
    private static partial Regex Digits();
}
