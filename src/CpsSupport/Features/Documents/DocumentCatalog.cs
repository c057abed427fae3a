using CpsSupport.Features.Documents.Builders;
using CpsSupport.Features.Requests;

namespace CpsSupport.Features.Documents;

/// <summary>A form or letter the desk generates: its template, its label in the UI, and how its model is built.</summary>
/// <param name="Form">The form a template prints; null for a letter, which any request may get.</param>
public sealed record DocumentDefinition(string Template, string Label, FormCode? Form, Func<DocumentSource, object> Build)
{
    public bool IsLetter => Form is null;
}

/// <summary>Every document of <c>templates/</c> that can be generated for a request or ticket.</summary>
public static class DocumentCatalog
{
    public static IReadOnlyList<DocumentDefinition> All { get; } =
    [
        new("forms/f501", "F501 — Déclaration d'incident", FormCode.F501, IncidentDeclarationFormBuilder.Build),
        new("forms/f502", "F502 — Désignation de mandataires", FormCode.F502, MandataryDesignationFormBuilder.Build),
        new("forms/f503", "F503 — Administrateurs techniques", FormCode.F503, TechnicalAdministratorsFormBuilder.Build),
        new("forms/f504", "F504 — Adresse de livraison", FormCode.F504, DeliveryAddressChangeFormBuilder.Build),
        new("forms/f101", "F101 — Carte de représentant légal", FormCode.F101, LegalRepresentativeCardFormBuilder.Build),
        new("forms/f201", "F201 — CPS d'auxiliaire médical salarié", FormCode.F201, SalariedAuxiliaryCpsFormBuilder.Build),
        new("forms/f301", "F301 — Cartes de personnel", FormCode.F301, StaffCardOrderFormBuilder.Build),
        new("forms/f414", "F414 — Cartes de test", FormCode.F414, TestCardOrderFormBuilder.Build),
        new("letters/acknowledgement", "Accusé de réception", null, AcknowledgementLetterBuilder.Build),
        new("letters/missing-pieces", "Demande de pièces manquantes", null, MissingPiecesLetterBuilder.Build),
        new("letters/decision", "Décision", null, DecisionLetterBuilder.Build),
        new("letters/replacement-dispatch", "Envoi de carte de remplacement", null, ReplacementDispatchLetterBuilder.Build),
    ];

    /// <summary>The definition of <paramref name="template"/> (<c>forms/f501</c> or <c>forms/f501.liquid</c>), or null.</summary>
    public static DocumentDefinition? Find(string template)
    {
        var name = TemplateStore.NormalizeName(template)[..^TemplateStore.Extension.Length];
        return All.FirstOrDefault(d => d.Template == name);
    }

    /// <summary>A request gets its own form and every letter; a ticket without request, every document.</summary>
    public static IReadOnlyList<DocumentDefinition> For(FormCode? form) =>
        form is null ? All : All.Where(d => d.Form == form || d.IsLetter).ToList();
}
