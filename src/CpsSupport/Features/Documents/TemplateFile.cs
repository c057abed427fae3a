namespace CpsSupport.Features.Documents;

/// <summary>The text of one template as read from disk; a new instance means the file changed.</summary>
/// <param name="Name">Path relative to the templates root, with its extension (<c>forms/f501.liquid</c>).</param>
public sealed record TemplateFile(string Name, string Text, DateTime LastWriteUtc, long Length);
