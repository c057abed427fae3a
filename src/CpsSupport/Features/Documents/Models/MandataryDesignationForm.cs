namespace CpsSupport.Features.Documents.Models;

/// <summary>Model of <c>templates/forms/f502.liquid</c>: the legal representative designates or removes mandataries.</summary>
/// <param name="Mandataries">One line per person; a mandatary gets the structure head's rights on cards.</param>
public sealed record MandataryDesignationForm(
    string RequestNumber,
    DocumentStructure Structure,
    DocumentPerson LegalRepresentative,
    IReadOnlyList<MandataryLine> Mandataries,
    DocumentSignature Signature);

/// <param name="EffectiveOn">First day of the mandate, or its last day for a removal.</param>
public sealed record MandataryLine(DesignationAction Action, DocumentPerson Person, DateOnly? EffectiveOn);
