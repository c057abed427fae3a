namespace CpsSupport.Features.Documents;

/// <summary>What a document is generated for: a request (its ticket follows), or a ticket without request.</summary>
public sealed record DocumentTarget(Guid? RequestId, Guid? TicketId)
{
    public static DocumentTarget ForRequest(Guid requestId) => new(requestId, null);

    public static DocumentTarget ForTicket(Guid ticketId) => new(null, ticketId);
}

/// <summary>One document of a bulk generation (<see cref="Jobs.RenderDocumentsJob"/>).</summary>
public sealed record DocumentOrder(string Template, Guid? RequestId, Guid? TicketId)
{
    public DocumentTarget Target => new(RequestId, TicketId);
}

/// <summary>A stored document as listed and offered for download.</summary>
public sealed record GeneratedDocumentInfo(
    Guid Id,
    string Template,
    string Title,
    string FileName,
    long Size,
    string Sha256,
    Guid? RequestId,
    Guid? TicketId,
    DateTimeOffset GeneratedAt,
    string GeneratedBy);

/// <summary>The outcome of a generation: the document, and whether an identical one already stored was given back.</summary>
public sealed record DocumentGeneration(GeneratedDocumentInfo Document, bool Reused);

/// <summary>A document's bytes with the name to download it under.</summary>
public sealed record DocumentContent(string FileName, string ContentType, byte[] Content);

/// <summary>A template offered in the « Générer » menu.</summary>
public sealed record DocumentChoice(string Template, string Label);

/// <summary>A document cannot be generated as asked; the message is French and shown to the agent.</summary>
public sealed class DocumentException(string message) : Exception(message);
