using System.Diagnostics;
using CpsSupport.Features.Documents;
using CpsSupport.Features.Documents.Builders;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace CpsSupport.Bench.Features.Documents;

/// <summary>
/// Where the time of one document goes (<c>--documents --profile</c>): the same HTML printed by one Chromium through
/// Playwright with the renderer's steps timed one by one, in variants of the print options, taken in turns (round robin)
/// so that a change in the machine's load weighs on every variant alike.
/// </summary>
public static class DocumentRenderProfile
{
    private enum FooterKind { MarginBoxes, Templates, None }

    private sealed record Variant(string Name, bool Tagged, FooterKind Footer, bool PrintMedia = false);

    public static async Task<int> RunAsync(string templateName, int rounds, TextWriter output)
    {
        var documentOptions = Options.Create(new DocumentOptions());
        using var store = new TemplateStore(documentOptions);
        var templates = new DocumentTemplateRenderer(store, documentOptions);
        var definition = DocumentCatalog.Find(templateName) ?? throw new ArgumentException($"Unknown template {templateName}");
        var model = definition.Build(DocumentSamples.For(definition, new DateOnly(2026, 12, 4)));
        var template = new List<double>();
        DocumentHtml html = null!;
        for (var i = 0; i < 50; i++)
        {
            var timer = Stopwatch.StartNew();
            html = await templates.RenderAsync(definition.Template, model);
            template.Add(timer.Elapsed.TotalMilliseconds);
        }

        output.WriteLine($"Template {definition.Template}: HTML {html.Html.Length:N0} chars; Liquid render p50 {P(template, 0.5):0.00} ms (50 renders)");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = new PdfRendererOptions().ExecutablePath, Headless = true, Args = [.. PdfRendererOptions.DefaultArgs],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Offline = true, Locale = "fr-FR", TimezoneId = "Europe/Paris" });
        Variant[] variants =
        [
            new("now: body swap, footer in @page margin boxes, tagged", true, FooterKind.MarginBoxes),
            new("before: body swap, Chromium header/footer templates, tagged", true, FooterKind.Templates),
            new("body swap, margin-box footer, untagged", false, FooterKind.MarginBoxes),
            new("body swap, no footer, tagged", true, FooterKind.None),
            new("body swap, margin-box footer, tagged, page kept in print media at A4 width", true, FooterKind.MarginBoxes, PrintMedia: true),
        ];
        // Every variant prints from its own page that keeps the shell, as a pooled page of the renderer does.
        var pages = new Dictionary<Variant, IPage>();
        var request = new PdfRenderRequest(html.Html, html.Reference, html.FooterCss);
        var body = html.Html[(html.Html.IndexOf("<body>", StringComparison.Ordinal) + 6)..html.Html.LastIndexOf("</body>", StringComparison.Ordinal)];
        foreach (var variant in variants)
        {
            var page = await context.NewPageAsync();
            if (variant.PrintMedia)
            {
                await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
                await page.SetViewportSizeAsync(794, 1123);
            }

            await page.SetContentAsync(html.Html);
            await page.EvaluateAsync("() => Promise.all(Array.from(document.fonts, f => f.load())).then(() => true)");
            pages[variant] = page;
        }

        var shippedFooter = Footer(html.FooterCss, html.Reference);
        var times = variants.ToDictionary(v => v, _ => (SetContent: new List<double>(), Pdf: new List<double>(), Total: new List<double>(), Cpu: new List<double>()));
        for (var round = -3; round < rounds; round++)
        {
            foreach (var variant in variants)
            {
                var page = pages[variant];
                var cpu = ProcessTreeCpu.Take();
                var total = Stopwatch.StartNew();
                var step = Stopwatch.StartNew();
                var swapped = variant.Footer == FooterKind.MarginBoxes ? ChromiumPdfRenderer.FooterStyle(request) + body : body;
                await page.EvaluateAsync("b => { document.body.innerHTML = b; return document.fonts.ready.then(() => true); }", swapped);
                var setContent = step.Elapsed.TotalMilliseconds;
                step.Restart();
                await page.PdfAsync(new PagePdfOptions
                {
                    Format = "A4", PrintBackground = true, PreferCSSPageSize = true, Tagged = variant.Tagged,
                    Margin = new Margin { Top = "12mm", Right = "15mm", Bottom = "16mm", Left = "15mm" },
                    DisplayHeaderFooter = variant.Footer == FooterKind.Templates,
                    HeaderTemplate = "<span></span>", FooterTemplate = shippedFooter,
                });
                var pdf = step.Elapsed.TotalMilliseconds;
                var elapsed = total.Elapsed.TotalMilliseconds;
                var used = ProcessTreeCpu.Take() - cpu;
                if (round < 0) continue; // warm-up
                var t = times[variant];
                t.SetContent.Add(setContent);
                t.Pdf.Add(pdf);
                t.Total.Add(elapsed);
                t.Cpu.Add((used.Chromium + used.Driver).TotalMilliseconds);
            }
        }

        output.WriteLine($"{rounds} rounds, p50 (p95) in ms, load average now {File.ReadAllText("/proc/loadavg").Trim()}:");
        output.WriteLine("| Variant | body swap | pdf | total | CPU of Chromium + driver, mean |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var variant in variants)
        {
            var t = times[variant];
            output.WriteLine($"| {variant.Name} | {Cell(t.SetContent)} | {Cell(t.Pdf)} | {Cell(t.Total)} | {t.Cpu.Average():0.0} |");
        }

        return 0;
    }

    private static string Footer(string css, string reference) => $$"""
        <style>
        .page-footer { width: 100%; margin: 0 15mm; display: flex; justify-content: space-between; font-family: sans-serif; font-size: 7.5pt; }
        {{css}}
        </style>
        <div class="page-footer"><span>{{System.Net.WebUtility.HtmlEncode(reference)}}</span><span>Page <span class="pageNumber"></span> / <span class="totalPages"></span></span></div>
        """;

    private static string Cell(List<double> ms) => $"{P(ms, 0.5):0.0} ({P(ms, 0.95):0.0})";

    private static double P(List<double> ms, double p)
    {
        var sorted = ms.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
