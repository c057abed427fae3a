namespace CpsSupport.Features.Structures;

/// <summary>The F502/F503/F504 part of a request, kept as JSON in <c>requests.details</c>: what was asked and what was done.</summary>
internal sealed record StructureFormDetails(
    IReadOnlyList<Guid> Added,
    IReadOnlyList<Guid> Removed,
    Address? NewAddress,
    string? Comment,
    Guid? IdDocumentAttachmentId,
    IReadOnlyList<string>? Changes = null,
    IReadOnlyList<Guid>? FlaggedCardIds = null);
