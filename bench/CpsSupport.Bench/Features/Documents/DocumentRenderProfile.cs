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
    private sealed record Variant(string Name, WaitUntilState WaitUntil, bool FontsReady, bool Tagged, bool Footer = true, bool FooterFont = true, bool Swap = false);

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
        var loadPage = await context.NewPageAsync();
        Variant[] variants =
        [
            new("before: load, fonts.ready, tagged, footer with its font", WaitUntilState.Load, true, true),
            new("now: body swapped into the loaded shell, tagged, footer with its font", WaitUntilState.Load, true, true, Swap: true),
            new("body swapped, footer without its data: font", WaitUntilState.Load, true, true, FooterFont: false, Swap: true),
            new("body swapped, untagged", WaitUntilState.Load, true, false, Swap: true),
            new("body swapped, no header/footer", WaitUntilState.Load, true, true, Footer: false, Swap: true),
            new("load, fonts.ready, tagged, footer without its data: font", WaitUntilState.Load, true, true, FooterFont: false),
            new("untagged PDF", WaitUntilState.Load, true, false),
            new("DOMContentLoaded + fonts.ready, tagged", WaitUntilState.DOMContentLoaded, true, true),
            new("load, no fonts.ready round trip, tagged", WaitUntilState.Load, false, true),
            new("no header/footer templates, tagged", WaitUntilState.Load, true, true, Footer: false),
            new("no header/footer templates, untagged", WaitUntilState.Load, true, false, Footer: false),
        ];
        // The body-swap variants print from a second page that keeps the shell, as a pooled page of the renderer does.
        var shellPage = await context.NewPageAsync();
        var shellLoaded = false;
        // The footer as ChromiumPdfRenderer draws it (footer.css with its Roboto face inlined), and the same without the font.
        var shippedFooter = Footer(html.FooterCss, html.Reference);
        var plainFooter = Footer(System.Text.RegularExpressions.Regex.Replace(html.FooterCss, "@font-face[^}]*}", ""), html.Reference);
        var times = variants.ToDictionary(v => v, _ => (SetContent: new List<double>(), Fonts: new List<double>(), Pdf: new List<double>(), Total: new List<double>(), Cpu: new List<double>()));
        for (var round = -3; round < rounds; round++)
        {
            foreach (var variant in variants)
            {
                var page = variant.Swap ? shellPage : loadPage;
                var cpu = ProcessTreeCpu.Take();
                var total = Stopwatch.StartNew();
                var step = Stopwatch.StartNew();
                if (variant.Swap)
                {
                    // What ChromiumPdfRenderer does once a page holds the shell (stylesheet and fonts) of the document.
                    var body = html.Html[(html.Html.IndexOf("<body>", StringComparison.Ordinal) + 6)..html.Html.LastIndexOf("</body>", StringComparison.Ordinal)];
                    if (!shellLoaded) // once: the renderer loads the shell with the first document of a page
                    {
                        await page.SetContentAsync(html.Html);
                        await page.EvaluateAsync("() => Promise.all(Array.from(document.fonts, f => f.load())).then(() => true)");
                        shellLoaded = true;
                    }

                    await page.EvaluateAsync("b => { document.body.innerHTML = b; return document.fonts.ready.then(() => true); }", body);
                }
                else
                {
                    await page.SetContentAsync(html.Html, new PageSetContentOptions { WaitUntil = variant.WaitUntil });
                }
                var setContent = step.Elapsed.TotalMilliseconds;
                step.Restart();
                if (variant.FontsReady && !variant.Swap) await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
                var fonts = step.Elapsed.TotalMilliseconds;
                step.Restart();
                await page.PdfAsync(new PagePdfOptions
                {
                    Format = "A4", PrintBackground = true, PreferCSSPageSize = true, Tagged = variant.Tagged, DisplayHeaderFooter = variant.Footer,
                    HeaderTemplate = "<span></span>", FooterTemplate = variant.FooterFont ? shippedFooter : plainFooter,
                });
                var pdf = step.Elapsed.TotalMilliseconds;
                var elapsed = total.Elapsed.TotalMilliseconds;
                var used = ProcessTreeCpu.Take() - cpu;
                if (round < 0) continue; // warm-up
                var t = times[variant];
                t.SetContent.Add(setContent);
                t.Fonts.Add(fonts);
                t.Pdf.Add(pdf);
                t.Total.Add(elapsed);
                t.Cpu.Add((used.Chromium + used.Driver).TotalMilliseconds);
            }
        }

        output.WriteLine($"{rounds} rounds, p50 (p95) in ms, load average now {File.ReadAllText("/proc/loadavg").Trim()}:");
        output.WriteLine("| Variant | setContent | fonts.ready | pdf | total | CPU of Chromium + driver, mean |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var variant in variants)
        {
            var t = times[variant];
            output.WriteLine($"| {variant.Name} | {Cell(t.SetContent)} | {Cell(t.Fonts)} | {Cell(t.Pdf)} | {Cell(t.Total)} | {t.Cpu.Average():0.0} |");
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
