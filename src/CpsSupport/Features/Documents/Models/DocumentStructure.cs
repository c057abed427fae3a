namespace CpsSupport.Features.Documents.Models;

/// <summary>A health structure as printed on a form.</summary>
public sealed record DocumentStructure(string Name, string? Finess, string? Siret, DocumentAddress? Address = null);
