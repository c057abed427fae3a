namespace CpsSupport.Features.Documents.Models;

/// <summary>
/// Model of <c>templates/forms/f503.liquid</c>: the legal representative or a mandatary adds or removes the
/// technical administrators who manage the structure's software certificates.
/// </summary>
/// <param name="Declarant">Who signs: the legal representative or a mandatary, as <paramref name="DeclarantCapacity"/> says.</param>
public sealed record TechnicalAdministratorsForm(
    string RequestNumber,
    DocumentStructure Structure,
    DeclarantCapacity DeclarantCapacity,
    DocumentPerson Declarant,
    IReadOnlyList<TechnicalAdministratorLine> Administrators,
    DocumentSignature Signature);

/// <param name="Function">Job of the administrator in the structure (« Responsable informatique »).</param>
public sealed record TechnicalAdministratorLine(DesignationAction Action, DocumentPerson Person, string? Function);
