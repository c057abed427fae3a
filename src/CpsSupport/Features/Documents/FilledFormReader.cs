using System.Globalization;
using System.Text;
using System.Text.Json;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Documents.Models;
using System.Text.RegularExpressions;
using CpsSupport.Features.Identifiers;
using CpsSupport.Features.Requests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.AcroForms.Fields;
using UglyToad.PdfPig.Core;

namespace CpsSupport.Features.Documents;

/// <summary>
/// Reads the fields of a filled PDF form (AcroForm) with PdfPig and proposes them as a pre-filled request. Field names
/// are recognised either as request details keys (<c>holder.nationalId</c>, the names this desk's own fillable forms use)
/// or as the usual French labels (<c>nom</c>, <c>date_naissance</c>, <c>rpps</c>, <c>siret</c>…). Every identifier is
/// checked with <see cref="IdentifierValidator"/>, every date parsed; a PDF without fields is attached as is. A field
/// that looks like a PIN or unblock code is never read.
/// </summary>
public sealed partial class FilledFormReader(TimeProvider clock, ILogger<FilledFormReader>? logger = null)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private readonly ILogger _logger = logger ?? NullLogger<FilledFormReader>.Instance;

    /// <summary>Usual French field names → details key. Names are compared without accents, case or punctuation.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["civilite"] = "holder.civility",
        ["nom"] = "holder.lastName",
        ["nom_titulaire"] = "holder.lastName",
        ["nom_de_naissance"] = "holder.lastName",
        ["prenom"] = "holder.firstName",
        ["prenom_titulaire"] = "holder.firstName",
        ["date_naissance"] = "holder.birthDate",
        ["date_de_naissance"] = "holder.birthDate",
        ["identifiant_national"] = "holder.nationalId",
        ["idnat"] = "holder.nationalId",
        ["rpps"] = "holder.rpps",
        ["numero_rpps"] = "holder.rpps",
        ["n_rpps"] = "holder.rpps",
        ["adeli"] = "holder.adeli",
        ["numero_adeli"] = "holder.adeli",
        ["profession"] = "holder.profession",
        ["email"] = "holder.email",
        ["courriel"] = "holder.email",
        ["mail"] = "holder.email",
        ["telephone"] = "holder.phone",
        ["tel"] = "holder.phone",
        ["raison_sociale"] = "structure.name",
        ["finess"] = "structure.finess",
        ["numero_finess"] = "structure.finess",
        ["siret"] = "structure.siret",
        ["numero_siret"] = "structure.siret",
        ["siren"] = "structure.siren",
        ["numero_serie"] = "cardSerial",
        ["numero_carte"] = "cardSerial",
        ["date_incident"] = "incidentOn",
        ["date_de_l_incident"] = "incidentOn",
        ["lieu"] = "incidentPlace",
        ["lieu_incident"] = "incidentPlace",
        ["circonstances"] = "circumstances",
        ["fait_a"] = "signedAt",
        ["le"] = "signedOn",
        ["date_signature"] = "signedOn",
    };

    private static readonly Dictionary<string, string> F414Aliases = new(StringComparer.Ordinal)
    {
        ["siret"] = "siret",
        ["numero_siret"] = "siret",
        ["raison_sociale"] = "organisationName",
        ["organisme"] = "organisationName",
    };

    /// <summary>Ticked boxes with a French name → details key and value.</summary>
    private static readonly Dictionary<string, (string Key, string Value)> Boxes = new(StringComparer.Ordinal)
    {
        ["perte"] = ("kind", "loss"),
        ["vol"] = ("kind", "theft"),
        ["dysfonctionnement"] = ("kind", "malfunction"),
        ["carte_non_recue"] = ("kind", "cardNotReceived"),
        ["codes_non_recus"] = ("kind", "codesNotReceived"),
        ["plainte_deposee"] = ("complaintFiled", "true"),
        ["nouvelle_carte"] = ("replacementRequested", "true"),
        ["titulaire"] = ("declarantCapacity", "holder"),
        ["representant_legal"] = ("declarantCapacity", "legalRepresentative"),
        ["mandataire"] = ("declarantCapacity", "mandatary"),
    };

    /// <summary>Fields whose value is one of the members of an enum the request details use (last segment of the key, lower case).</summary>
    private static readonly Dictionary<string, string[]> Choices = new(StringComparer.Ordinal)
    {
        ["declarantcapacity"] = Enum.GetNames<DeclarantCapacity>(),
        ["action"] = Enum.GetNames<DesignationAction>(),
        ["reason"] = Enum.GetNames<CardRequestReason>(),
        ["cardtype"] = Enum.GetNames<CardType>(),
        ["kind"] = Enum.GetNames<IncidentKind>(),
        ["kit"] = Enum.GetNames<TestCardKit>(),
    };

    private static readonly HashSet<string> FormFieldNames = new(StringComparer.Ordinal) { "formulaire", "form", "form_code", "code_formulaire", "numero_formulaire", "formcode" };

    /// <summary>Reads <paramref name="pdf"/>; never throws on a bad file, which is then attached as is.</summary>
    public Task<FilledFormReading> ReadAsync(byte[] pdf, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        return Task.Run(() => Read(pdf), ct);
    }

    private FilledFormReading Read(byte[] pdf)
    {
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(pdf);
        }
        catch (Exception e) when (e is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IOException or FormatException)
        {
            _logger.LogInformation(e, "An incoming PDF could not be read; it is attached as is");
            return new FilledFormReading(FilledFormStatus.AttachedAsIs, null, "Ce fichier n'a pas pu être lu comme un PDF : il est joint tel quel.", [], []);
        }

        using (document)
        {
            var raw = new List<(string Name, string? Value, bool IsBox)>();
            if (document.TryGetForm(out var form))
            {
                foreach (var field in form.Fields)
                {
                    Collect(field, null, raw);
                }
            }

            var (guessed, how) = GuessForm(document, raw);
            if (raw.Count == 0)
            {
                var known = guessed is { } f ? $" (formulaire {f} reconnu {how})" : "";
                return new FilledFormReading(FilledFormStatus.AttachedAsIs, guessed,
                    $"Ce PDF ne contient pas de champs de formulaire{known} : il est joint tel quel à la demande.", [], []);
            }

            var fields = new List<FilledFormField>();
            var warnings = new List<string>();
            foreach (var (rawName, value, isBox) in raw)
            {
                // A line of a list (mandataries[0].lastName) is read as its details path (mandataries.0.lastName).
                var name = IndexSuffix().Replace(rawName, ".$1");
                var normalized = Normalize(name);
                if (SecretFields.IsSecret(normalized) || SecretFields.IsSecret(name.Replace('.', '_')))
                {
                    warnings.Add($"Le champ « {name} » a été ignoré : aucun code porteur ni code de déblocage n'est repris.");
                    continue;
                }

                if (FormFieldNames.Contains(normalized) || string.IsNullOrWhiteSpace(value))
                {
                    continue;
                }

                fields.Add(isBox ? Box(name, normalized, value!) : Text(name, normalized, value!.Trim(), guessed));
            }

            var message = guessed is { } code
                ? $"Formulaire {code} reconnu {how} : {fields.Count} champ(s) repris{(fields.Any(f => !f.IsValid) ? ", à vérifier" : "")}."
                : $"Formulaire non reconnu : choisissez-le. {fields.Count} champ(s) repris.";
            return new FilledFormReading(FilledFormStatus.Read, guessed, message, fields, warnings);
        }
    }

    private static void Collect(AcroFieldBase field, string? parent, List<(string, string?, bool)> into)
    {
        var partial = field.Information.PartialName;
        var name = string.IsNullOrEmpty(parent) ? partial ?? "" : string.IsNullOrEmpty(partial) ? parent : $"{parent}.{partial}";
        switch (field)
        {
            case AcroTextField text:
                into.Add((name, text.Value, false));
                break;
            case AcroCheckboxField box:
                into.Add((name, box.IsChecked ? "true" : null, true));
                break;
            case AcroRadioButtonsField radios:
                var selected = radios.Children.OfType<AcroRadioButtonField>().FirstOrDefault(r => r.IsSelected);
                into.Add((name, selected?.CurrentValue?.Data, false));
                break;
            case AcroCheckboxesField boxes:
                var ticked = boxes.Children.OfType<AcroCheckboxField>().FirstOrDefault(b => b.IsChecked);
                into.Add((name, ticked?.CurrentValue?.Data, false));
                break;
            case AcroComboBoxField combo:
                into.Add((name, combo.SelectedOptions.FirstOrDefault(), false));
                break;
            case AcroListBoxField list:
                into.Add((name, list.SelectedOptions.FirstOrDefault(), false));
                break;
            case AcroNonTerminalField group:
                foreach (var child in group.Children)
                {
                    Collect(child, name, into);
                }

                break;
        }
    }

    private static (FormCode? Form, string How) GuessForm(PdfDocument document, List<(string Name, string? Value, bool IsBox)> fields)
    {
        foreach (var (name, value, _) in fields)
        {
            if (FormFieldNames.Contains(Normalize(name)) && FormIn(value) is { } byField)
            {
                return (byField, $"par le champ « {name} »");
            }
        }

        if ((FormIn(document.Information.Title) ?? FormIn(document.Information.Subject)) is { } byTitle)
        {
            return (byTitle, "par le titre du document");
        }

        if (document.NumberOfPages > 0 && FormIn(document.GetPage(1).Text) is { } byText)
        {
            return (byText, "par le texte de la première page");
        }

        return (null, "");
    }

    private static FormCode? FormIn(string? text) =>
        text is not null && FormNumber().Match(text) is { Success: true } match && Enum.TryParse<FormCode>(match.Value.ToUpperInvariant(), out var form)
            ? form
            : null;

    private FilledFormField Box(string name, string normalized, string value)
    {
        if (Boxes.TryGetValue(normalized, out var box))
        {
            return new FilledFormField(name, box.Key, LabelOf(box.Key), box.Value, null);
        }

        // A box of this desk's own forms is named by its details key (complaintFiled) or key and value (kind.theft).
        var parts = name.Split('.');
        return parts.Length == 2 && !char.IsUpper(parts[0][0])
            ? new FilledFormField(name, parts[0], LabelOf(parts[0]), parts[1], null)
            : new FilledFormField(name, KeyOf(name), LabelOf(name), "true", null);
    }

    private FilledFormField Text(string name, string normalized, string value, FormCode? form)
    {
        // F414 (test cards for software vendors) names the ordering organisation at the top level, not as a structure.
        var key = form == FormCode.F414 && F414Aliases.TryGetValue(normalized, out var own) ? own
            : Aliases.TryGetValue(normalized, out var alias) ? alias
            : KeyOf(name);
        var label = LabelOf(key ?? name);
        var last = (key ?? name).Split('.')[^1].ToLowerInvariant();
        if (key is not null && LineNumber(key) is { } line)
        {
            label = $"{label} (ligne {line})";
        }

        IdentifierKind? identifier = last switch
        {
            "nationalid" => IdentifierKind.NationalId,
            "rpps" => IdentifierKind.Rpps,
            "adeli" => IdentifierKind.Adeli,
            "finess" => IdentifierKind.Finess,
            "siret" => IdentifierKind.Siret,
            "siren" => IdentifierKind.Siren,
            _ => null,
        };
        if (identifier is { } kind)
        {
            var check = IdentifierValidator.Validate(kind, value);
            // In a list, the validator's message does not say whose number it is: the line does.
            var error = check.Error is { } message && key is not null && LineNumber(key) is { } row ? $"Ligne {row} : {message}" : check.Error;
            return new FilledFormField(name, key, label, check.IsValid ? check.Normalized : value, error);
        }

        if (Choices.TryGetValue(last, out var choices))
        {
            var compact = Normalize(value).Replace("_", "", StringComparison.Ordinal);
            var member = choices.FirstOrDefault(c => string.Equals(c, compact, StringComparison.OrdinalIgnoreCase));
            return member is not null
                ? new FilledFormField(name, key, label, JsonNamingPolicy.CamelCase.ConvertName(member), null)
                : new FilledFormField(name, key, label, value,
                    $"{label} : « {value} » n'est pas une valeur reconnue (attendu : {string.Join(", ", choices.Select(JsonNamingPolicy.CamelCase.ConvertName))}).");
        }

        // Dates are named as in the request details, in camelCase: incidentOn, birthDate, employedSince (not function, reason).
        var segment = (key ?? name).Split('.')[^1];
        if (segment.EndsWith("On", StringComparison.Ordinal) || segment.EndsWith("Date", StringComparison.Ordinal)
            || segment.EndsWith("Since", StringComparison.Ordinal) || last == "date")
        {
            return Date(name, key, label, last, value);
        }

        if (last == "email" && !EmailShape().IsMatch(value))
        {
            return new FilledFormField(name, key, label, value, $"{label} : « {value} » n'est pas une adresse de courriel valide.");
        }

        if (last == "quantity")
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) && quantity is >= 1 and <= 99
                ? new FilledFormField(name, key, label, quantity.ToString(CultureInfo.InvariantCulture), null)
                : new FilledFormField(name, key, label, value, $"{label} : « {value} » n'est pas une quantité valide (de 1 à 99).");
        }

        if (last == "postalcode")
        {
            var compact = value.Replace(" ", "", StringComparison.Ordinal);
            return PostalCode().IsMatch(compact)
                ? new FilledFormField(name, key, label, compact, null)
                : new FilledFormField(name, key, label, value, $"{label} : « {value} » n'est pas un code postal valide (5 chiffres).");
        }

        if (last == "phone")
        {
            var digits = string.Concat(value.Where(char.IsAsciiDigit));
            var ok = (digits.Length == 10 && digits[0] == '0') || (value.TrimStart().StartsWith('+') && digits.Length is >= 8 and <= 15);
            return ok
                ? new FilledFormField(name, key, label, value.TrimStart().StartsWith('+') ? "+" + digits : digits, null)
                : new FilledFormField(name, key, label, value, $"{label} : « {value} » n'est pas un numéro de téléphone valide (10 chiffres).");
        }

        return new FilledFormField(name, key, label, value, null);
    }

    private FilledFormField Date(string name, string? key, string label, string last, string value)
    {
        if (!DateOnly.TryParseExact(value.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "dd-MM-yyyy", "yyyy-MM-dd"], French, DateTimeStyles.None, out var date))
        {
            return new FilledFormField(name, key, label, value, $"{label} : « {value} » n'est pas une date valide (attendu : jj/mm/aaaa).");
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Paris).DateTime);
        // Birth and incident dates are in the past; an effective date may be ahead.
        var past = last is "birthdate" or "incidenton" or "signedon";
        if (past && date > today)
        {
            return new FilledFormField(name, key, label, value, $"{label} : le {date.ToString("dd/MM/yyyy", French)} est dans le futur.");
        }

        if (last == "birthdate" && date < today.AddYears(-120))
        {
            return new FilledFormField(name, key, label, value, $"{label} : le {date.ToString("dd/MM/yyyy", French)} n'est pas plausible.");
        }

        return new FilledFormField(name, key, label, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null);
    }

    /// <summary>The line (from 1) of a list item's key (<c>mandataries.0.lastName</c> → 1), null outside a list.</summary>
    private static int? LineNumber(string key) =>
        key.Split('.').Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i + 1 : (int?)null).FirstOrDefault(i => i is not null);

    /// <summary>A field named in this desk's own convention (camelCase segments, list indexes as numbers) is its own details key.</summary>
    private static string? KeyOf(string name) =>
        DetailsKey().IsMatch(name) ? name : null;

    private static string LabelOf(string key) => key.Split('.')[^1].ToLowerInvariant() switch
    {
        "civility" => "Civilité",
        "lastname" => "Nom",
        "firstname" => "Prénom",
        "birthdate" => "Date de naissance",
        "nationalid" => "Identifiant national",
        "rpps" => "Numéro RPPS",
        "adeli" => "Numéro ADELI",
        "profession" => "Profession",
        "email" => "Courriel",
        "phone" => "Téléphone",
        "name" => "Raison sociale",
        "finess" => "Numéro FINESS",
        "siret" => "Numéro SIRET",
        "siren" => "Numéro SIREN",
        "cardserial" => "Numéro de série de la carte",
        "kind" => "Nature de l'incident",
        "incidenton" => "Date de l'incident",
        "incidentplace" => "Lieu de l'incident",
        "circumstances" => "Circonstances",
        "complaintfiled" => "Plainte déposée",
        "replacementrequested" => "Nouvelle carte demandée",
        "declarantcapacity" => "Qualité du déclarant",
        "effectiveon" => "Date d'effet",
        "signedat" => "Fait à",
        "action" => "Action",
        "function" => "Fonction",
        "reason" => "Motif",
        "cardtype" => "Type de carte",
        "recipient" => "Destinataire",
        "line1" => "Adresse",
        "line2" => "Complément d'adresse",
        "postalcode" => "Code postal",
        "city" => "Commune",
        "country" => "Pays",
        "appliestopendingorders" => "S'applique aux commandes en cours",
        "employedsince" => "Date d'embauche",
        "contractendson" => "Fin de contrat",
        "department" => "Service",
        "jobtitle" => "Emploi",
        "kit" => "Kit de cartes de test",
        "quantity" => "Quantité",
        "organisationname" => "Organisme",
        "project" => "Projet",
        "membershipcontractsigned" => "Contrat d'adhésion signé",
        "signedon" => "Date de signature",
        _ => key,
    };

    /// <summary>Lower case, no accents, words joined by <c>_</c>: « Date de naissance » → <c>date_de_naissance</c>.</summary>
    internal static string Normalize(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        }

        return MultipleUnderscores().Replace(builder.ToString(), "_").Trim('_');
    }

    [GeneratedRegex(@"\bF(101|201|301|413|414|501|502|503|504)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FormNumber();

    [GeneratedRegex(@"^[a-z][A-Za-z0-9]*(\.([a-z][A-Za-z0-9]*|[0-9]{1,2}))*$")]
    private static partial Regex DetailsKey();

    [GeneratedRegex(@"\[([0-9]{1,2})\]")]
    private static partial Regex IndexSuffix();

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex PostalCode();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();

    [GeneratedRegex("_+")]
    private static partial Regex MultipleUnderscores();
}
