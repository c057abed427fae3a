namespace CpsSupport.Features.Incidents;

/// <summary>The F501-specific part of a request, kept as JSON in <c>requests.details</c>: what was declared and what the desk said.</summary>
internal sealed record IncidentDetails(
    IncidentKind Kind,
    bool HasUnblockCode,
    bool DeclineReplacement,
    RevocationGround? Ground,
    DateOnly? RadiatedOn,
    string? Comment,
    Guid? IdDocumentAttachmentId,
    string? Guidance = null);
