namespace CpsSupport.Features.Documents.Models;

/// <summary>« Fait à {Place}, le {Date} » above the signature of <see cref="SignatoryName"/>.</summary>
public sealed record DocumentSignature(string Place, DateOnly Date, string SignatoryName);
