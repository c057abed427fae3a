namespace CpsSupport.Features.Documents;

/// <summary>A document printed in memory, not stored yet (see <see cref="GeneratedDocument"/> for the stored one).</summary>
/// <param name="Sha256">Lower-case hex SHA-256 of <paramref name="Pdf"/>: what is stored is what was generated.</param>
/// <param name="FileName">Suggested download name, e.g. <c>f501.pdf</c>.</param>
public sealed record RenderedDocument(
    string TemplateName,
    string Title,
    byte[] Pdf,
    string Sha256,
    string FileName,
    DateTimeOffset GeneratedAt);
