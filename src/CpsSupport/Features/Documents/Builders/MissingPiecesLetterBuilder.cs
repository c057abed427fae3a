using CpsSupport.Features.Documents.Models;

namespace CpsSupport.Features.Documents.Builders;

/// <summary>
/// Request for missing pieces: details <c>missingPieces[]</c> (else the identity document every form needs) and
/// <c>replyBy</c> (else 30 days from today: the time a file is kept open while the desk waits).
/// </summary>
public static class MissingPiecesLetterBuilder
{
    public const int DefaultReplyDays = 30;

    public static MissingPiecesLetter Build(DocumentSource source)
    {
        var to = LetterAddressee.Of(source);
        var pieces = source.Details.Texts("missingPieces");
        return new MissingPiecesLetter(
            source.Reference, source.Form, DocumentMapping.Subject(source.Form), source.ReceivedOn, source.Today,
            to.Recipient, to.Address, to.Structure,
            pieces.Count > 0 ? pieces : ["Copie d'une pièce d'identité en cours de validité"],
            source.Details.Date("replyBy") ?? source.Today.AddDays(DefaultReplyDays),
            source.SignatoryName);
    }
}
