namespace CpsSupport.Features.Documents.Models;

/// <summary>« Fait à {Place}, le {Date} » above the signature of <see cref="SignatoryName"/>; place and date are left blank for a form still to be signed by hand.</summary>
public sealed record DocumentSignature(string? Place, DateOnly? Date, string SignatoryName);
