using CpsSupport.Features.Requests;

namespace CpsSupport.Features.Documents.Models;

/// <summary>Model of <c>templates/letters/acknowledgement.liquid</c>: the desk confirms it received a request.</summary>
/// <param name="RequestNumber">The request's number, or the ticket's when there is no request.</param>
/// <param name="Form">Null for a ticket that is no form.</param>
/// <param name="Subject">What was received, e.g. « votre déclaration d'incident sur carte CPS ».</param>
/// <param name="ProcessingBusinessDays">Announced processing time in business days.</param>
/// <param name="SignatoryName">The agent who signs for the desk.</param>
public sealed record AcknowledgementLetter(
    string RequestNumber,
    FormCode? Form,
    string Subject,
    DateOnly ReceivedOn,
    DateOnly LetterDate,
    DocumentPerson Recipient,
    DocumentAddress Address,
    DocumentStructure? Structure,
    int ProcessingBusinessDays,
    string SignatoryName);
