namespace CpsSupport.Features.Documents.Models;

/// <summary>
/// Model of <c>templates/forms/f201.liquid</c>: a CPS for a medical auxiliary (nurse, physiotherapist…) employed
/// by the structure, requested by its head.
/// </summary>
/// <param name="Employee">The professional, with the national id (8 + RPPS or 0 + ADELI) and profession.</param>
/// <param name="ContractEndsOn">Null for a permanent contract.</param>
/// <param name="StructureHead">Who signs for the structure.</param>
public sealed record SalariedAuxiliaryCpsForm(
    string RequestNumber,
    DocumentStructure Structure,
    CardRequestReason Reason,
    DocumentPerson Employee,
    DateOnly? EmployedSince,
    DateOnly? ContractEndsOn,
    string? Department,
    DocumentAddress DeliveryAddress,
    DocumentPerson StructureHead,
    DocumentSignature Signature);
