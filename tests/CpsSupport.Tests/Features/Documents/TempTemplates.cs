using System.Net;
using System.Text;
using CpsSupport.Features.Documents;
using Microsoft.Extensions.Options;

namespace CpsSupport.Tests.Features.Documents;

/// <summary>A throw-away templates folder with a plain stylesheet, for template tests that need no browser.</summary>
public sealed class TempTemplates : IDisposable
{
    public TempTemplates()
    {
        Root = Directory.CreateTempSubdirectory("cps-templates-").FullName;
        Write(TemplateStore.StylesheetPath, "body { margin: 0; }");
        Write(TemplateStore.FooterStylesheetPath, ".page-footer { color: #555; }");
        var options = Options.Create(new DocumentOptions { TemplatesRoot = Root });
        Store = new TemplateStore(options);
        Renderer = new DocumentTemplateRenderer(Store, options);
    }

    public string Root { get; }
    public TemplateStore Store { get; }
    public DocumentTemplateRenderer Renderer { get; }

    /// <summary>Writes a file, dated after any previous version so that the store sees the change.</summary>
    public void Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var previous = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        if (File.GetLastWriteTimeUtc(path) <= previous)
        {
            File.SetLastWriteTimeUtc(path, previous.AddSeconds(1));
        }
    }

    /// <summary>Renders and returns the body between &lt;body&gt; and &lt;/body&gt;, trimmed, character references decoded.</summary>
    public async Task<string> BodyAsync(string templateName, object model)
    {
        var html = (await Renderer.RenderAsync(templateName, model)).Html;
        var start = html.IndexOf("<body>", StringComparison.Ordinal) + "<body>".Length;
        return WebUtility.HtmlDecode(html[start..html.IndexOf("</body>", StringComparison.Ordinal)].Trim());
    }

    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
