using CpsSupport.Features.Requests;

namespace CpsSupport.Features.Documents.Models;

/// <summary>Model of <c>templates/letters/missing-pieces.liquid</c>: the file is incomplete; the pieces listed are asked for.</summary>
/// <param name="ReplyBy">Date after which the request is closed if the pieces have not come.</param>
public sealed record MissingPiecesLetter(
    string RequestNumber,
    FormCode? Form,
    string Subject,
    DateOnly ReceivedOn,
    DateOnly LetterDate,
    DocumentPerson Recipient,
    DocumentAddress Address,
    DocumentStructure? Structure,
    IReadOnlyList<string> MissingPieces,
    DateOnly ReplyBy,
    string SignatoryName);
