using System.Globalization;
using System.Text;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Identifiers;
using CpsSupport.Features.People;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;

namespace CpsSupport.Features.Orders;

/// <summary>
/// The facts of card orders (DOMAIN.md, seeds/004 webinar of 13/09/2022): which form each kind of structure may use,
/// which card each form gives, the professions of F201, the test cards of F414, and how a holder's identifier is read.
/// </summary>
public static class OrderCatalog
{
    public static readonly FormCode[] OrderForms = [FormCode.F101, FormCode.F201, FormCode.F301, FormCode.F414];

    /// <summary>RPPS professions: their CPS comes automatically with their registration, never through F201.</summary>
    public static readonly IReadOnlyList<string> RppsProfessions =
        ["Médecin", "Pharmacien", "Chirurgien-dentiste", "Sage-femme", "Infirmier", "Masseur-kinésithérapeute", "Pédicure-podologue"];

    /// <summary>Salaried medical auxiliaries registered in ADELI whose CPS is ordered with F201 (the others use F202).</summary>
    public static readonly IReadOnlyList<string> SalariedMedicalAuxiliaries =
    [
        "Orthophoniste", "Orthoptiste", "Ergothérapeute", "Diététicien", "Psychomotricien",
        "Manipulateur d'électroradiologie médicale", "Technicien de laboratoire médical",
    ];

    /// <summary>The F414 offer: the integration kit and individual test cards by profession (test card PIN: the published one).</summary>
    public static readonly IReadOnlyList<string> TestCards =
    [
        "Kit d'intégration (CPS médecin, CPS infirmier, CPE opposée, CPA)",
        "CPS médecin", "CPS infirmier", "CPS pharmacien biologiste", "CPS orthophoniste (ADELI)", "CPE", "CPE opposée", "CPA",
    ];

    /// <summary>Feminine forms the desk meets on forms, folded onto the catalogue's names.</summary>
    private static readonly Dictionary<string, string> Feminine = new(StringComparer.Ordinal)
    {
        [Fold("Pharmacienne")] = "Pharmacien", [Fold("Chirurgienne-dentiste")] = "Chirurgien-dentiste", [Fold("Infirmière")] = "Infirmier",
        [Fold("Masseuse-kinésithérapeute")] = "Masseur-kinésithérapeute", [Fold("Diététicienne")] = "Diététicien",
        [Fold("Psychomotricienne")] = "Psychomotricien", [Fold("Manipulatrice d'électroradiologie médicale")] = "Manipulateur d'électroradiologie médicale",
        [Fold("Technicienne de laboratoire médical")] = "Technicien de laboratoire médical",
    };

    /// <summary>Structures giving care (establishments, medico-social, practices) get CDE/CPE; the others CDA/CPA.</summary>
    public static bool GivesCare(StructureKind kind) => kind is StructureKind.LiberalPractice or StructureKind.HealthEstablishment or StructureKind.MedicoSocial;

    /// <summary>The eligibility matrix of the webinar of 13/09/2022: may this kind of structure use this form?</summary>
    public static bool FormAllowed(FormCode form, StructureKind kind) => form switch
    {
        FormCode.F101 or FormCode.F301 => kind != StructureKind.LiberalPractice,
        FormCode.F201 => kind is StructureKind.HealthEstablishment or StructureKind.MedicoSocial,
        FormCode.F414 => true,
        _ => false,
    };

    /// <summary>The structure kinds allowed for a form, in French, for the explanations.</summary>
    public static string AllowedKinds(FormCode form) =>
        string.Join(", ", Enum.GetValues<StructureKind>().Where(k => FormAllowed(form, k)).Select(StructureKindLabel));

    /// <summary>The online service of a kind of structure: TOM for establishments and medico-social structures, TOPS for liberal practices.</summary>
    public static RequestChannel? OnlineService(StructureKind kind) => kind switch
    {
        StructureKind.HealthEstablishment or StructureKind.MedicoSocial => RequestChannel.Tom,
        StructureKind.LiberalPractice => RequestChannel.Tops,
        _ => null,
    };

    /// <summary>The card a form gives in a structure: F101 CDE/CDA, F201 CPS, F301 CPE/CPA, F414 test cards.</summary>
    public static CardType CardTypeFor(FormCode form, StructureKind kind) => form switch
    {
        FormCode.F101 => GivesCare(kind) ? CardType.Cde : CardType.Cda,
        FormCode.F201 => CardType.Cps,
        FormCode.F301 => GivesCare(kind) ? CardType.Cpe : CardType.Cpa,
        FormCode.F414 => CardType.Test,
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "Not an order form."),
    };

    public static bool IsOrder(FormCode form) => OrderForms.Contains(form);

    /// <summary>The catalogue name of an RPPS profession, or null.</summary>
    public static string? RppsProfession(string? profession) => Find(profession, RppsProfessions);

    /// <summary>The catalogue name of an F201 profession, or null.</summary>
    public static string? MedicalAuxiliary(string? profession) => Find(profession, SalariedMedicalAuxiliaries);

    /// <summary>The catalogue name of a test card, or null.</summary>
    public static string? TestCard(string? name) => Find(name, TestCards);

    /// <summary>
    /// A holder's identifier as typed: RPPS (11 digits, Luhn key), ADELI (9 digits), or a national id (8+RPPS, 0+ADELI).
    /// Empty is allowed (staff have none); anything else gives the French error.
    /// </summary>
    public static HolderIdentifier ParseIdentifier(string? input)
    {
        var value = new string((input ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (value.Length == 0) return new HolderIdentifier(NationalIdKind.None, null, null);
        IdentifierCheck check;
        switch (value.Length)
        {
            case IdentifierValidator.RppsLength:
                check = IdentifierValidator.ValidateRpps(value);
                return check.IsValid ? new(NationalIdKind.Rpps, NationalId.FromRpps(value).Value, null) : new(NationalIdKind.None, null, check.Error);
            case IdentifierValidator.AdeliLength:
                check = IdentifierValidator.ValidateAdeli(value);
                return check.IsValid ? new(NationalIdKind.Adeli, NationalId.FromAdeli(value).Value, null) : new(NationalIdKind.None, null, check.Error);
            case 10 or 12:
                if (NationalId.TryParse(value, out var id))
                    return new(id.Kind == IdentifierKind.Rpps ? NationalIdKind.Rpps : NationalIdKind.Adeli, id.Value, null);
                return new(NationalIdKind.None, null, IdentifierValidator.ValidateNationalId(value).Error);
            default:
                return new(NationalIdKind.None, null,
                    $"L'identifiant « {value} » n'est ni un RPPS (11 chiffres), ni un ADELI (9 chiffres), ni un identifiant national (8 + RPPS ou 0 + ADELI).");
        }
    }

    public static string StructureKindLabel(StructureKind kind) => kind switch
    {
        StructureKind.LiberalPractice => "cabinet libéral",
        StructureKind.HealthEstablishment => "établissement de santé",
        StructureKind.MedicoSocial => "structure médico-sociale",
        StructureKind.HealthDomainNoCare => "structure du domaine de la santé ne dispensant pas de soins",
        StructureKind.Industrial => "industriel",
        _ => kind.ToString(),
    };

    /// <summary>Accents, case and spaces removed: "Infirmière " and "infirmiere" are the same profession.</summary>
    public static string Fold(string? text)
    {
        var decomposed = (text ?? "").Trim().Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray();
        return string.Join(' ', new string(kept).ToLowerInvariant().Replace('’', '\'').Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string? Find(string? name, IReadOnlyList<string> list)
    {
        var folded = Fold(name);
        if (folded.Length == 0) return null;
        if (Feminine.TryGetValue(folded, out var masculine) && list.Contains(masculine)) return masculine;
        return list.FirstOrDefault(p => Fold(p) == folded);
    }
}

/// <summary>A holder's identifier read from an order line: the national id (8+RPPS, 0+ADELI) or none, or the French error.</summary>
public sealed record HolderIdentifier(NationalIdKind Kind, string? NationalId, string? Error)
{
    public bool IsValid => Error is null;
}
