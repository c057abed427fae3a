using CpsSupport.Features.Cards;
using CpsSupport.Features.Documents.Models;

namespace CpsSupport.Features.Documents.Builders;

/// <summary>
/// Replacement dispatch: the card expected 10 business days after the complete file (details
/// <c>completeFileReceivedOn</c>, else today), its codes one business day later (<see cref="CardDelays"/>);
/// <c>newCardType</c> else the replaced card's type.
/// </summary>
public static class ReplacementDispatchLetterBuilder
{
    public static ReplacementDispatchLetter Build(DocumentSource source)
    {
        var to = LetterAddressee.Of(source);
        var replaced = DocumentMapping.Card(DocumentMapping.CardOf(source));
        var cardOn = CardDelays.CardExpectedOn(source.Details.Date("completeFileReceivedOn") ?? source.Today, source.Calendar);
        return new ReplacementDispatchLetter(
            source.Reference, source.Form, source.Today, to.Recipient, to.Address, to.Structure, replaced,
            source.Details.Choice<CardType>("newCardType") ?? replaced?.Type ?? CardType.Cps,
            DocumentMapping.Address(source.Details.Object("deliveryAddress")) ?? to.Address,
            cardOn,
            CardDelays.CodesExpectedOn(cardOn, source.Calendar),
            source.SignatoryName);
    }
}
