namespace CpsSupport.Features.Files;

/// <summary>
/// What an attachment may be: at most <see cref="MaxBytes"/>, <see cref="MaxCount"/> per message, and of a type the
/// desk opens safely (PDF, images, text, office documents), checked on the content's first bytes, not only its name.
/// </summary>
public static class AttachmentPolicy
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxCount = 10;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".txt"] = "text/plain",
        [".csv"] = "text/csv",
        [".eml"] = "message/rfc822",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
    };

    /// <summary>The content type to store, or the French reason the file is refused.</summary>
    public static (string? ContentType, string? Error) Check(string fileName, ReadOnlySpan<byte> content)
    {
        var name = Path.GetFileName(fileName);
        if (content.Length == 0) return (null, $"Le fichier {name} est vide.");
        if (content.Length > MaxBytes) return (null, $"Le fichier {name} dépasse la taille maximale de {MaxBytes / (1024 * 1024)} Mo.");
        var extension = Path.GetExtension(name);
        if (!ContentTypes.TryGetValue(extension, out var type))
            return (null, $"Le type de fichier {extension} n'est pas accepté (PDF, images, texte, documents bureautiques).");
        if (!MatchesSignature(extension.ToLowerInvariant(), content))
            return (null, $"Le contenu du fichier {name} ne correspond pas à son extension {extension}.");
        return (type, null);
    }

    private static bool MatchesSignature(string extension, ReadOnlySpan<byte> c) => extension switch
    {
        ".pdf" => c.StartsWith("%PDF-"u8),
        ".png" => c.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
        ".jpg" or ".jpeg" => c.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }),
        ".gif" => c.StartsWith("GIF87a"u8) || c.StartsWith("GIF89a"u8),
        ".docx" or ".xlsx" or ".odt" or ".ods" => c.StartsWith("PK\u0003\u0004"u8),
        // Text: no NUL byte in the first kilobyte.
        ".txt" or ".csv" or ".eml" => c[..Math.Min(c.Length, 1024)].IndexOf((byte)0) < 0,
        _ => false,
    };
}
