using CpsSupport.Features.Cards;
using CpsSupport.Features.Requests;

namespace CpsSupport.Features.Documents.Models;

/// <summary>
/// Model of <c>templates/letters/replacement-dispatch.liquid</c>: a replacement card is on its way. It gives the
/// dates the card and its codes are expected; the codes themselves travel separately by secure mail and are never printed.
/// </summary>
/// <param name="ReplacedCard">The card being replaced (opposed, faulty…), when known.</param>
/// <param name="CardExpectedOn">About 10 business days after the complete file (see <c>CardDelays</c>).</param>
/// <param name="CodesExpectedOn">One business day after the card.</param>
public sealed record ReplacementDispatchLetter(
    string RequestNumber,
    FormCode? Form,
    DateOnly LetterDate,
    DocumentPerson Recipient,
    DocumentAddress Address,
    DocumentStructure? Structure,
    DocumentCard? ReplacedCard,
    CardType NewCardType,
    DocumentAddress DeliveryAddress,
    DateOnly CardExpectedOn,
    DateOnly CodesExpectedOn,
    string SignatoryName);
