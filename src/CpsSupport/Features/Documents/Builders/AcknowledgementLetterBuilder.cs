using CpsSupport.Features.Cards;
using CpsSupport.Features.Documents.Models;

namespace CpsSupport.Features.Documents.Builders;

/// <summary>Acknowledgement of receipt, dated today, announcing the usual processing time of a complete file.</summary>
public static class AcknowledgementLetterBuilder
{
    public static AcknowledgementLetter Build(DocumentSource source)
    {
        var to = LetterAddressee.Of(source);
        return new AcknowledgementLetter(
            source.Reference, source.Form, DocumentMapping.Subject(source.Form), source.ReceivedOn, source.Today,
            to.Recipient, to.Address, to.Structure, CardDelays.CardBusinessDays, source.SignatoryName);
    }
}
