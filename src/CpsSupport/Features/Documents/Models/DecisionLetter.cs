using CpsSupport.Features.Requests;

namespace CpsSupport.Features.Documents.Models;

/// <summary>Model of <c>templates/letters/decision.liquid</c>: the request is accepted, or refused with its reason.</summary>
/// <param name="Reason">Why it was refused; may also qualify an acceptance.</param>
/// <param name="NextSteps">What happens now (« Votre carte sera fabriquée… »), printed when accepted.</param>
public sealed record DecisionLetter(
    string RequestNumber,
    FormCode? Form,
    string Subject,
    DateOnly ReceivedOn,
    DateOnly LetterDate,
    DocumentPerson Recipient,
    DocumentAddress Address,
    DocumentStructure? Structure,
    DecisionOutcome Outcome,
    string? Reason,
    string? NextSteps,
    string SignatoryName);
