namespace CpsSupport.Features.Documents.Models;

/// <summary>What the desk decided on a request.</summary>
public enum DecisionOutcome
{
    Accepted,
    Refused,
}
