using CpsSupport.Features.Documents.Models;
using CpsSupport.Features.Requests;

namespace CpsSupport.Features.Documents.Builders;

/// <summary>
/// Decision letter: details <c>decision</c> (<c>accepted</c> / <c>refused</c>), else refused when the request is
/// <see cref="RequestStatus.Rejected"/>, accepted otherwise; <c>decisionReason</c> and <c>nextSteps</c>.
/// </summary>
public static class DecisionLetterBuilder
{
    public static DecisionLetter Build(DocumentSource source)
    {
        var to = LetterAddressee.Of(source);
        var outcome = source.Details.Choice<DecisionOutcome>("decision")
            ?? (source.Request?.Status == RequestStatus.Rejected ? DecisionOutcome.Refused : DecisionOutcome.Accepted);
        return new DecisionLetter(
            source.Reference, source.Form, DocumentMapping.Subject(source.Form), source.ReceivedOn, source.Today,
            to.Recipient, to.Address, to.Structure, outcome,
            source.Details.Text("decisionReason"), source.Details.Text("nextSteps"), source.SignatoryName);
    }
}
