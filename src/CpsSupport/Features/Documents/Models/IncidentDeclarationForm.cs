namespace CpsSupport.Features.Documents.Models;

/// <summary>
/// Model of <c>templates/forms/f501.liquid</c>, the declaration of an incident on a CPx card. It carries no
/// PIN or unblock code: those never appear on a document (see <c>SecretFields</c>).
/// </summary>
/// <param name="RequestNumber">The desk's request number, printed in the header.</param>
/// <param name="Declarant">Who signs; the holder themselves when <paramref name="DeclarantCapacity"/> is <see cref="DeclarantCapacity.Holder"/>.</param>
/// <param name="Kind">Null when the request does not say yet: no box is ticked.</param>
/// <param name="ComplaintFiled">For a theft: a complaint was lodged with the police or gendarmerie.</param>
/// <param name="DeliveryAddress">Where the replacement card is sent.</param>
public sealed record IncidentDeclarationForm(
    string RequestNumber,
    DeclarantCapacity DeclarantCapacity,
    DocumentPerson Declarant,
    DocumentPerson Holder,
    DocumentStructure? Structure,
    DocumentCard Card,
    IncidentKind? Kind,
    DateOnly? IncidentOn,
    string? IncidentPlace,
    string? Circumstances,
    bool ComplaintFiled,
    bool ReplacementRequested,
    DocumentAddress DeliveryAddress,
    DocumentSignature Signature);
