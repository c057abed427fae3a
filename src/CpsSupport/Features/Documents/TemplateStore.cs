using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using CpsSupport.Features.Files;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace CpsSupport.Features.Documents;

/// <summary>
/// Reads document templates and the print stylesheet from the templates folder. Each read checks the
/// file's timestamp and size, so a supervisor's edit is used by the next document without a restart,
/// while an unchanged file is served from memory.
/// </summary>
public sealed partial class TemplateStore : IDisposable
{
    public const string Extension = ".liquid";
    public const string StylesheetPath = "assets/print.css";
    public const string FooterStylesheetPath = "assets/footer.css";

    private readonly ConcurrentDictionary<string, TemplateFile> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, InlinedStylesheet> _stylesheets = new(StringComparer.Ordinal);
    private readonly PhysicalFileProvider _fileProvider;

    public TemplateStore(IOptions<DocumentOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Root = CheckoutPaths.Resolve(options.Value.TemplatesRoot);
        if (!Directory.Exists(Root))
        {
            throw new DirectoryNotFoundException($"Templates folder not found: {Root} (setting {DocumentOptions.Section}:TemplatesRoot).");
        }

        _fileProvider = new PhysicalFileProvider(Root);
    }

    /// <summary>Absolute path of the templates folder.</summary>
    public string Root { get; }

    /// <summary>Read-only view of the templates folder, from which Fluid loads the partials of <c>{% include %}</c>.</summary>
    public IFileProvider FileProvider => _fileProvider;

    /// <summary>
    /// <paramref name="name"/> as a path relative to the root with the <c>.liquid</c> extension
    /// (<c>forms/f501</c> → <c>forms/f501.liquid</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty, rooted or climbs out of the folder.</exception>
    public static string NormalizeName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var normalized = name.Trim().Replace('\\', '/');
        if (normalized.StartsWith('/') || normalized.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new ArgumentException($"Invalid template name '{name}'.", nameof(name));
        }

        return normalized.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? normalized : normalized + Extension;
    }

    /// <summary>The current text of a template, re-read only when the file changed on disk.</summary>
    /// <exception cref="TemplateException">No such template.</exception>
    public TemplateFile Read(string name)
    {
        var normalized = NormalizeName(name);
        var info = new FileInfo(Path.Combine(Root, normalized));
        if (!info.Exists)
        {
            throw new TemplateException(normalized, null, $"le fichier est introuvable dans {Root}");
        }

        if (_files.TryGetValue(normalized, out var cached) && cached.LastWriteUtc == info.LastWriteTimeUtc && cached.Length == info.Length)
        {
            return cached;
        }

        var file = new TemplateFile(normalized, File.ReadAllText(info.FullName, Encoding.UTF8), info.LastWriteTimeUtc, info.Length);
        _files[normalized] = file;
        return file;
    }

    /// <summary>
    /// Replaces the text of an existing form or letter. The file is written beside the old one and moved over it,
    /// so that a document rendered meanwhile reads either version, never half of one.
    /// </summary>
    /// <exception cref="TemplateException">No such template: the editor changes templates, it does not create them.</exception>
    public TemplateFile Save(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = NormalizeName(name);
        var path = Path.Combine(Root, normalized);
        if (!File.Exists(path))
        {
            throw new TemplateException(normalized, null, $"le fichier est introuvable dans {Root}");
        }

        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, path, overwrite: true);
        _files.TryRemove(normalized, out _);
        return Read(normalized);
    }

    /// <summary>The forms and letters a user can generate (<c>forms/f501</c>, <c>letters/acknowledgement</c>…); partials excluded.</summary>
    public IReadOnlyList<string> ListDocuments() =>
        new[] { "forms", "letters" }
            .Select(folder => Path.Combine(Root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*" + Extension))
            .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/')[..^Extension.Length])
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// <c>assets/print.css</c> with every relative <c>url(…)</c> (fonts, images) inlined as a <c>data:</c> URL,
    /// so the printed page needs no file or network access.
    /// </summary>
    public string ReadStylesheet() => ReadInlinedCss(StylesheetPath);

    /// <summary><c>assets/footer.css</c>, inlined the same way: the style of the page-margin boxes that hold the page footer.</summary>
    public string ReadFooterStylesheet() => ReadInlinedCss(FooterStylesheetPath);

    private string ReadInlinedCss(string relativePath)
    {
        if (_stylesheets.TryGetValue(relativePath, out var current) && current.Dependencies.All(d => d.IsUnchanged()))
        {
            return current.Css;
        }

        var cssPath = Path.Combine(Root, relativePath);
        if (!File.Exists(cssPath))
        {
            throw new TemplateException(relativePath, null, $"le fichier est introuvable dans {Root}");
        }

        var dependencies = new List<FileStamp> { FileStamp.Of(cssPath) };
        var css = File.ReadAllText(cssPath, Encoding.UTF8);
        var cssFolder = Path.GetDirectoryName(cssPath)!;
        var assetsRoot = Path.Combine(Root, "assets") + Path.DirectorySeparatorChar;
        var inlined = CssUrl().Replace(css, match =>
        {
            var relative = match.Groups["url"].Value;
            var path = Path.GetFullPath(Path.Combine(cssFolder, relative));
            if (!path.StartsWith(assetsRoot, StringComparison.Ordinal) || !File.Exists(path))
            {
                var line = css.AsSpan(0, match.Index).Count('\n') + 1;
                throw new TemplateException(relativePath, line, $"la ressource « {relative} » est introuvable dans assets/");
            }

            dependencies.Add(FileStamp.Of(path));
            return $"url(data:{MediaType(relativePath, path)};base64,{Convert.ToBase64String(File.ReadAllBytes(path))})";
        });

        _stylesheets[relativePath] = new InlinedStylesheet(inlined, dependencies);
        return inlined;
    }

    public void Dispose() => _fileProvider.Dispose();

    private static string MediaType(string cssPath, string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".woff2" => "font/woff2",
        ".woff" => "font/woff",
        ".ttf" => "font/ttf",
        ".otf" => "font/otf",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".svg" => "image/svg+xml",
        var other => throw new TemplateException(cssPath, null, $"type de ressource non pris en charge : {other}"),
    };

    // url('fonts/x.woff2'), url("x.png"), url(x.svg); data: and absolute URLs are left alone.
    [GeneratedRegex("""url\(\s*(?<q>['"]?)(?!data:|[a-z]+://|/)(?<url>[^'")]+)\k<q>\s*\)""", RegexOptions.IgnoreCase)]
    private static partial Regex CssUrl();

    private sealed record InlinedStylesheet(string Css, IReadOnlyList<FileStamp> Dependencies);

    private sealed record FileStamp(string Path, DateTime LastWriteUtc, long Length)
    {
        public static FileStamp Of(string path)
        {
            var info = new FileInfo(path);
            return new FileStamp(path, info.LastWriteTimeUtc, info.Exists ? info.Length : -1);
        }

        public bool IsUnchanged() => Of(Path) == this;
    }
}
