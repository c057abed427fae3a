using CpsSupport.Features.Calendar;
using CpsSupport.Features.Cards;
using CpsSupport.Features.People;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;

namespace CpsSupport.Features.Documents.Builders;

/// <summary>
/// Everything a document is built from, loaded once by <see cref="DocumentService"/>: the request and its details,
/// the ticket, the person and structure they are about (with its legal representative), the cards involved, and
/// who generates the document when.
/// </summary>
/// <param name="Cards">The cards the ticket names, then the person's cards, most recent first.</param>
/// <param name="SignatoryName">The agent (or job requester) who signs the desk's letters.</param>
public sealed record DocumentSource(
    SupportRequest? Request,
    Ticket? Ticket,
    Person? Person,
    Structure? Structure,
    IReadOnlyList<Card> Cards,
    RequestDetails Details,
    DateOnly Today,
    string SignatoryName,
    BusinessCalendar Calendar)
{
    /// <summary>The number printed on the document: the request's, else the ticket's.</summary>
    public string Reference => Request?.Number ?? Ticket?.Number ?? "";

    public FormCode? Form => Request?.Form;

    /// <summary>The day the request (or ticket) arrived, in Paris.</summary>
    public DateOnly ReceivedOn => DocumentMapping.ParisDate(Request?.CreatedAt ?? Ticket?.CreatedAt) ?? Today;
}
