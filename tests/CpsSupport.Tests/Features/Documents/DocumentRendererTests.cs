using System.Security.Cryptography;
using CpsSupport.Features.Documents;
using CpsSupport.Features.Documents.Models;

namespace CpsSupport.Tests.Features.Documents;

/// <summary>Each form and letter generated from a known model: every value, box and the page count are in the PDF.</summary>
[Collection(DocumentsCollection.Name)]
public sealed class DocumentRendererTests(DocumentsFixture fixture)
{
    [Fact]
    public async Task F501_theft_declared_by_legal_representative_prints_every_field_and_ticks_its_boxes()
    {
        var document = await fixture.Renderer.RenderAsync("forms/f501", DocumentModels.TheftDeclaredByLegalRepresentative());
        DumpForInspection(document, "f501-theft.pdf");

        var text = PdfText.Read(document.Pdf);
        Assert.Equal(2, text.PageCount);
        Assert.Equal("Déclaration d'incident sur carte CPx", document.Title);
        Assert.Equal("f501.pdf", document.FileName);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(document.Pdf)), document.Sha256);

        // Header and footer.
        text.AssertContains("Déclaration d'incident sur carte CPx");
        text.AssertContains("F501");
        text.AssertContains("Version 2026.1");
        text.AssertContains("Dossier n° REQ-2026-000042");
        Assert.Contains("F501 · version 2026.1 · dossier REQ-2026-000042", text.Pages[0]);
        Assert.Contains("Page 1 / 2", text.Pages[0]);
        Assert.Contains("Page 2 / 2", text.Pages[1]);

        // 1. Declarant.
        text.AssertTicked("Représentant légal de la structure");
        text.AssertNotTicked("Titulaire de la carte");
        text.AssertNotTicked("Mandataire désigné (F502)");
        foreach (var value in new[] { "DUBOIS", "Claire", "direction@tilleuls.example", "01 45 67 89 01" })
        {
            text.AssertContains(value);
        }

        // 2. Holder.
        foreach (var value in new[] { "MARTIN", "Jean-Pierre", "14/03/1975", "899700026547", "Infirmier", "jp.martin@tilleuls.example", "+33 6 12 34 56 78" })
        {
            text.AssertContains(value);
        }

        // 3. Structure.
        text.AssertContains("Clinique des Tilleuls");
        text.AssertContains("750712184");
        text.AssertContains("732 829 320 00074");

        // 4. Card and incident.
        text.AssertContains("CPS");
        text.AssertContains("2501234567");
        text.AssertContains("30/06/2029");
        text.AssertTicked("Vol");
        foreach (var other in new[] { "Perte", "Dysfonctionnement", "Carte non reçue", "Codes non reçus" })
        {
            text.AssertNotTicked(other);
        }

        text.AssertContains("20/11/2026");
        text.AssertContains("Gare de Lyon, Paris");
        text.AssertContains("Sacoche volée dans le RER A.");
        text.AssertTicked("Oui");
        text.AssertNotTicked("Non");

        // 5. Replacement and delivery address.
        text.AssertTicked("Je demande une nouvelle carte");
        text.AssertNotTicked("Je ne demande pas de nouvelle carte");
        text.AssertContains("Service du personnel");
        text.AssertContains("12 rue des Lilas");
        text.AssertContains("75012 PARIS");

        // 6. Signature, with the structure's stamp area since the declarant is not the holder.
        text.AssertContains("Fait à Paris, le 23/11/2026");
        text.AssertContains("Claire Dubois");
        text.AssertContains("Cachet de la structure");

        // Only the fonts shipped in templates/assets/fonts, footer included: no system font is needed.
        Assert.Equal(["DejaVuSans", "Roboto-Bold", "Roboto-Medium", "Roboto-Regular"], text.Fonts.Order());
    }

    [Fact]
    public async Task F501_of_a_holder_without_structure_has_no_structure_section_nor_stamp()
    {
        var model = DocumentModels.TheftDeclaredByLegalRepresentative() with
        {
            DeclarantCapacity = DeclarantCapacity.Holder,
            Structure = null,
            Kind = IncidentKind.CodesNotReceived,
            ReplacementRequested = false,
            Signature = new DocumentSignature("Lyon", new DateOnly(2026, 11, 24), "Jean-Pierre Martin"),
        };

        var document = await fixture.Renderer.RenderAsync("forms/f501", model);
        DumpForInspection(document, "f501-codes.pdf");

        var text = PdfText.Read(document.Pdf);

        text.AssertTicked("Titulaire de la carte");
        text.AssertTicked("Codes non reçus");
        text.AssertNotTicked("Vol");
        text.AssertTicked("Je ne demande pas de nouvelle carte");
        Assert.DoesNotContain("Structure d'exercice", text.All);
        Assert.DoesNotContain("Plainte déposée", text.All);
        Assert.DoesNotContain("Cachet de la structure", text.All);
        text.AssertContains("Fait à Lyon, le 24/11/2026");
        Assert.Equal(1, text.PageCount);
        Assert.Contains("Page 1 / 1", text.Pages[0]);
    }

    [Fact]
    public async Task Acknowledgement_letter_prints_recipient_dates_and_request()
    {
        var document = await fixture.Renderer.RenderAsync("letters/acknowledgement", DocumentModels.Acknowledgement());
        DumpForInspection(document, "acknowledgement.pdf");

        var text = PdfText.Read(document.Pdf);
        Assert.Equal(1, text.PageCount);
        foreach (var value in new[]
                 {
                     "Madame Claire DUBOIS", "Clinique des Tilleuls", "Service du personnel", "12 rue des Lilas", "75012 PARIS",
                     "Paris, le 1er décembre 2026", "Dossier n° REQ-2026-000042", "formulaire F501", "FINESS 750712184", "Reçu le 23/11/2026",
                     "accusé de réception de votre déclaration d'incident sur carte CPS", "le 23 novembre 2026",
                     "environ 10 jours ouvrés", "Lucie Moreau", "Page 1 / 1",
                 })
        {
            text.AssertContains(value);
        }
    }

    [Fact]
    public async Task Values_are_html_encoded_not_interpreted()
    {
        var model = DocumentModels.TheftDeclaredByLegalRepresentative() with { Circumstances = "<b>Vol</b> & « arraché »" };

        var html = await fixture.Renderer.PreviewAsync("forms/f501", model);

        Assert.Contains("&lt;b&gt;Vol&lt;/b&gt; &amp; « arraché »", html.Html);
        Assert.DoesNotContain("<b>Vol</b>", html.Html);
    }

    /// <summary>Writes the PDF to $CPS_DOCUMENTS_DUMP when set, to look at it (pdftoppm) while editing templates.</summary>
    internal static void DumpForInspection(RenderedDocument document, string fileName)
    {
        if (Environment.GetEnvironmentVariable("CPS_DOCUMENTS_DUMP") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, fileName), document.Pdf);
        }
    }
}
