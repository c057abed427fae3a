using CpsSupport.Features.Documents;
using Microsoft.Extensions.Options;

namespace CpsSupport.Tests.Features.Documents;

/// <summary>The pooled Chromium: bounded concurrency, survival of crashes and template errors, timeouts.</summary>
[Collection(DocumentsCollection.Name)]
public sealed class ChromiumPdfRendererTests(DocumentsFixture fixture)
{
    [Fact]
    public async Task Eight_documents_in_parallel_all_print_with_at_most_two_at_a_time()
    {
        var models = Enumerable.Range(1, 8)
            .Select(i => DocumentModels.TheftDeclaredByLegalRepresentative() with { RequestNumber = $"REQ-2026-{i:D6}" })
            .ToList();

        var documents = await Task.WhenAll(models.Select(m => fixture.Renderer.RenderAsync("forms/f501", m)));

        for (var i = 0; i < models.Count; i++)
        {
            PdfText.Read(documents[i].Pdf).AssertContains($"Dossier n° {models[i].RequestNumber}");
        }

        Assert.Equal(8, documents.Select(d => d.Sha256).Distinct().Count());
        Assert.InRange(fixture.Pdf.PeakConcurrency, 1, 2);
    }

    [Fact]
    public async Task After_Chromium_crashed_the_next_document_relaunches_it_and_prints()
    {
        await PrintAcknowledgementAsync(); // a browser to kill
        var launches = fixture.Pdf.LaunchCount;

        fixture.KillBrowser();
        var text = await PrintAcknowledgementAsync();

        text.AssertContains("Dossier n° REQ-2026-000042");
        Assert.Equal(launches + 1, fixture.Pdf.LaunchCount);
    }

    [Fact]
    public async Task Chromium_crashing_while_a_document_prints_costs_a_retry_not_the_document()
    {
        await PrintAcknowledgementAsync();
        var launches = fixture.Pdf.LaunchCount;
        var crashed = 0;
        // The kill happens inside the print, once, whatever the machine's speed (a kill raced from outside could land after it).
        fixture.Pdf.BeforePrint = async page =>
        {
            if (Interlocked.Exchange(ref crashed, 1) == 1) return;
            fixture.KillBrowser();
            for (var waited = 0; page.Context.Browser?.IsConnected == true && waited < 100; waited++) await Task.Delay(50);
        };
        try
        {
            var text = await PrintAcknowledgementAsync();

            text.AssertContains("Dossier n° REQ-2026-000042");
            Assert.Equal(1, crashed);
            Assert.True(fixture.Pdf.LaunchCount > launches, "Chromium was not relaunched");
        }
        finally
        {
            fixture.Pdf.BeforePrint = null;
        }
    }

    [Fact]
    public async Task A_broken_template_fails_alone_and_the_next_document_prints()
    {
        var broken = await Assert.ThrowsAsync<TemplateException>(
            () => fixture.Renderer.RenderAsync("forms/f501", DocumentModels.Acknowledgement()));
        Assert.Contains("variable inconnue", broken.Message);

        (await PrintAcknowledgementAsync()).AssertContains("Lucie Moreau");
    }

    [Fact]
    public async Task A_document_that_never_finishes_loading_times_out_and_the_renderer_goes_on()
    {
        await using var renderer = new ChromiumPdfRenderer(Options.Create(new PdfRendererOptions
        {
            MaxConcurrency = 1,
            // Long enough for the second, ordinary document on a loaded machine; the looping one still hits it.
            DocumentTimeout = TimeSpan.FromSeconds(5),
            ExtraArgs = [fixture.ProcessMarker + "-timeout"],
        }));

        var error = await Assert.ThrowsAsync<DocumentRenderException>(
            () => renderer.RenderAsync(new PdfRenderRequest("<p>x</p><script>for (;;) {}</script>", "")));
        var pdf = await renderer.RenderAsync(new PdfRenderRequest("<p>Après le délai</p>", "réf"));

        Assert.Equal("Le document n'a pas pu être produit en 5 s.", error.Message);
        PdfText.Read(pdf).AssertContains("Après le délai");
    }

    [Fact]
    public async Task The_footer_is_drawn_by_the_page_with_its_reference_as_plain_text_and_every_page_numbered()
    {
        // Quotes, a backslash and markup in the reference: it is a CSS string, never CSS nor HTML.
        const string reference = "F999 \u00b7 « v1 » \"x\" \\ </style><p>injecté</p>";
        var html = "<p>Première page</p><p style=\"break-before: page\">Deuxième page</p>";

        var text = PdfText.Read(await fixture.Pdf.RenderAsync(new PdfRenderRequest(html, reference)));

        Assert.Equal(2, text.PageCount);
        for (var page = 1; page <= 2; page++)
        {
            Assert.Contains(reference, text.Pages[page - 1]);
            Assert.Contains($"Page {page} / 2", text.Pages[page - 1]);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(text.Pages[page - 1], "injecté"));
        }

        Assert.Contains("Première page", text.Pages[0]);
        Assert.Contains("Deuxième page", text.Pages[1]);
    }

    private async Task<PdfText> PrintAcknowledgementAsync() =>
        PdfText.Read((await fixture.Renderer.RenderAsync("letters/acknowledgement", DocumentModels.Acknowledgement())).Pdf);
}
