using System.Text.RegularExpressions;
using CpsSupport.Features.Documents.Models;

namespace CpsSupport.Tests.Features.Documents;

/// <summary>F502–F504, F101, F201, F301, F414 and the letters, each from a known model: every value, box, and the page count.</summary>
[Collection(DocumentsCollection.Name)]
public sealed class DocumentFormsTests(DocumentsFixture fixture)
{
    private async Task<PdfText> PrintAsync(string template, object model, string dumpName)
    {
        var document = await fixture.Renderer.RenderAsync(template, model);
        DocumentRendererTests.DumpForInspection(document, dumpName);
        return PdfText.Read(document.Pdf);
    }

    private static void AssertForm(PdfText text, string number, string title, string request, int pages)
    {
        Assert.Equal(pages, text.PageCount);
        text.AssertContains(title);
        text.AssertContains(number);
        text.AssertContains("Version 2026.1");
        text.AssertContains($"Dossier n° {request}");
        for (var page = 1; page <= pages; page++)
        {
            Assert.Contains($"{number} · version 2026.1 · dossier {request}", text.Pages[page - 1]);
            Assert.Contains($"Page {page} / {pages}", text.Pages[page - 1]);
        }

        text.AssertContains("Fait à");
        text.AssertContains("Signature");
    }

    private static void AssertStructure(PdfText text)
    {
        text.AssertContains("Clinique des Tilleuls");
        text.AssertContains("750712184");
        text.AssertContains("732 829 320 00074");
    }

    [Fact]
    public async Task F502_lists_each_mandatary_with_designation_or_removal_ticked()
    {
        var text = await PrintAsync("forms/f502", MoreDocumentModels.F502(), "f502.pdf");

        AssertForm(text, "F502", "Désignation ou retrait de mandataires", "REQ-2026-000502", 1);
        AssertStructure(text);
        foreach (var value in new[] { "DUBOIS", "Claire", "02/05/1971", "direction@tilleuls.example", "01 45 67 89 01",
                     "LEFÈVRE", "Amélie", "899700026547", "a.lefevre@tilleuls.example", "06 12 34 56 78", "01/12/2026",
                     "PETIT", "Louis", "l.petit@tilleuls.example", "31/12/2026", "Fait à Paris, le 23/11/2026", "Cachet de la structure" })
        {
            text.AssertContains(value);
        }

        Assert.Matches(new Regex(@"☒\s*Désignation\s*☐\s*Retrait.*LEFÈVRE.*☐\s*Désignation\s*☒\s*Retrait.*PETIT", RegexOptions.Singleline), text.All);
    }

    [Fact]
    public async Task F503_ticks_the_mandatary_and_each_addition_or_removal()
    {
        var text = await PrintAsync("forms/f503", MoreDocumentModels.F503(), "f503.pdf");

        AssertForm(text, "F503", "Ajout ou retrait d'administrateurs techniques", "REQ-2026-000503", 1);
        AssertStructure(text);
        text.AssertTicked("Mandataire désigné (F502)");
        text.AssertNotTicked("Représentant légal de la structure");
        foreach (var value in new[] { "LEFÈVRE", "Amélie", "899700026547", "ROUX", "Thomas", "Responsable informatique", "t.roux@tilleuls.example",
                     "01 47 00 00 01", "GARNIER", "Hugo", "Technicien réseau", "h.garnier@tilleuls.example", "Amélie Lefèvre" })
        {
            text.AssertContains(value);
        }

        Assert.Matches(new Regex(@"☒\s*Ajout\s*☐\s*Retrait.*ROUX.*☐\s*Ajout\s*☒\s*Retrait.*GARNIER", RegexOptions.Singleline), text.All);
    }

    [Fact]
    public async Task F504_prints_current_and_new_address_and_the_pending_orders_choice()
    {
        var text = await PrintAsync("forms/f504", MoreDocumentModels.F504(), "f504.pdf");

        AssertForm(text, "F504", "Changement d'adresse de livraison des cartes", "REQ-2026-000504", 1);
        AssertStructure(text);
        text.AssertTicked("Représentant légal de la structure");
        text.AssertNotTicked("Mandataire désigné (F502)");
        foreach (var value in new[] { "DUBOIS", "Claire", "12 rue des Lilas", "75012 PARIS", "Service logistique", "5 quai de Seine", "Bâtiment B", "75019 PARIS", "04/01/2027" })
        {
            text.AssertContains(value);
        }

        text.AssertNotTicked("Livrer aussi les cartes déjà commandées à la nouvelle adresse");
        text.AssertTicked("Livrer les cartes déjà commandées à l'adresse actuelle");
    }

    [Fact]
    public async Task F101_ticks_the_card_type_and_reason()
    {
        var text = await PrintAsync("forms/f101", MoreDocumentModels.F101(), "f101.pdf");

        AssertForm(text, "F101", "Demande de carte de représentant légal", "REQ-2026-000101", 1);
        AssertStructure(text);
        text.AssertTicked("CDE — directeur d'établissement de soins");
        text.AssertNotTicked("CDA — directeur d'organisme sans soins");
        text.AssertTicked("Renouvellement");
        text.AssertNotTicked("Première demande");
        text.AssertNotTicked("Remplacement");
        foreach (var value in new[] { "Madame", "DUBOIS", "Claire", "02/05/1971", "direction@tilleuls.example", "01 45 67 89 01", "Directrice générale", "75012 PARIS" })
        {
            text.AssertContains(value);
        }
    }

    [Fact]
    public async Task F201_prints_the_employee_contract_and_structure_head()
    {
        var text = await PrintAsync("forms/f201", MoreDocumentModels.F201(), "f201.pdf");

        AssertForm(text, "F201", "Demande de CPS pour un auxiliaire médical salarié", "REQ-2026-000201", 1);
        AssertStructure(text);
        text.AssertTicked("Première demande");
        text.AssertNotTicked("Renouvellement");
        foreach (var value in new[] { "Monsieur", "BERNARD", "Lucas", "08/07/1990", "0751234567", "Masseur-kinésithérapeute", "l.bernard@tilleuls.example",
                     "06 11 22 33 44", "Rééducation", "01/09/2026", "31/08/2027", "DUBOIS", "Cachet de la structure" })
        {
            text.AssertContains(value);
        }
    }

    [Fact]
    public async Task F301_prints_one_line_per_card_with_its_type_ticked()
    {
        var text = await PrintAsync("forms/f301", MoreDocumentModels.F301(), "f301.pdf");

        AssertForm(text, "F301", "Commande de cartes de personnel (CPE / CPA)", "REQ-2026-000301", 1);
        AssertStructure(text);
        text.AssertContains("Cartes commandées (3)");
        text.AssertTicked("Contrat d'adhésion signé (obligatoire pour les CPA)");
        text.AssertTicked("Mandataire désigné (F502)");
        text.AssertNotTicked("Responsable de la structure");
        foreach (var value in new[] { "MOREAU", "Sophie", "15/01/1985", "Secrétaire médicale", "s.moreau@tilleuls.example", "Première carte",
                     "FOURNIER", "Paul", "30/11/1979", "Agent administratif", "p.fournier@tilleuls.example", "Renouvellement",
                     "GIRARD", "Inès", "21/06/1995", "Aide-soignante", "i.girard@tilleuls.example", "Remplacement" })
        {
            text.AssertContains(value);
        }

        Assert.Matches(new Regex(@"☒\s*CPE\s*☐\s*CPA.*MOREAU.*☐\s*CPE\s*☒\s*CPA.*FOURNIER.*☒\s*CPE\s*☐\s*CPA.*GIRARD", RegexOptions.Singleline), text.All);
    }

    [Fact]
    public async Task F301_with_many_lines_runs_over_pages_with_the_table_header_repeated()
    {
        var text = await PrintAsync("forms/f301", MoreDocumentModels.F301(lines: 40), "f301-long.pdf");

        Assert.True(text.PageCount >= 2, $"{text.PageCount} page(s)");
        Assert.All(text.Pages, page => Assert.Contains("FONCTION", page, StringComparison.OrdinalIgnoreCase));
        text.AssertContains("AGENT40");
        text.AssertContains("Cartes commandées (40)");
        Assert.Contains($"Page {text.PageCount} / {text.PageCount}", text.Pages[^1]);
    }

    [Fact]
    public async Task F414_ticks_the_ordered_kits_with_their_quantities_and_prints_no_code()
    {
        var text = await PrintAsync("forms/f414", MoreDocumentModels.F414(), "f414.pdf");

        AssertForm(text, "F414", "Commande de cartes de test", "REQ-2026-000414", 1);
        foreach (var value in new[] { "Logiciels Santé SAS", "732 829 320 00074", "Logiciel de télétransmission v5", "LAMBERT", "Nicolas",
                     "n.lambert@logiciels-sante.example", "04 78 00 00 00", "8 rue de la République", "69002 LYON", "Fait à Lyon, le 23/11/2026" })
        {
            text.AssertContains(value);
        }

        Assert.Matches(@"☒\s*CPS médecin\s*2", text.All);
        Assert.Matches(@"☒\s*CPE opposée\s*1", text.All);
        Assert.Matches(@"Total des cartes\s*3", text.All);
        foreach (var kit in new[] { "CPS infirmier", "CPS pharmacien", "CPE personnel d'établissement", "CPA personnel autorisé", "CDE directeur d'établissement" })
        {
            text.AssertNotTicked(kit);
        }

        // The test cards' PIN is known to integrators, and still never printed.
        Assert.DoesNotContain("1234", text.All);
    }

    [Fact]
    public async Task Missing_pieces_letter_lists_each_piece_and_the_deadline()
    {
        var text = await PrintAsync("letters/missing-pieces", MoreDocumentModels.MissingPieces(), "missing-pieces.pdf");

        Assert.Equal(1, text.PageCount);
        foreach (var value in new[]
                 {
                     "Monsieur Jean-Pierre MARTIN", "3 avenue Foch", "69006 LYON", "Paris, le 25 novembre 2026", "Dossier n° REQ-2026-000042", "formulaire F501",
                     "Reçu le 23/11/2026", "Objet : pièces manquantes à votre déclaration d'incident sur carte CPx", "les pièces suivantes manquent",
                     "Copie d'une pièce d'identité en cours de validité", "Récépissé du dépôt de plainte", "avant le 24 décembre 2026", "Lucie Moreau",
                     "Pièces complémentaires · dossier REQ-2026-000042", "Page 1 / 1",
                 })
        {
            text.AssertContains(value);
        }
    }

    [Fact]
    public async Task Decision_letter_ticks_refused_and_gives_the_reason()
    {
        var text = await PrintAsync("letters/decision", MoreDocumentModels.Refusal(), "decision-refused.pdf");

        Assert.Equal(1, text.PageCount);
        text.AssertTicked("Demande refusée");
        text.AssertNotTicked("Demande acceptée");
        foreach (var value in new[]
                 {
                     "Madame Claire DUBOIS", "Clinique des Tilleuls", "75012 PARIS", "Paris, le 27 novembre 2026", "Dossier n° REQ-2026-000301", "formulaire F301",
                     "Structure : Clinique des Tilleuls (FINESS 750712184)", "Objet : décision sur votre commande de cartes de personnel",
                     "Motif : La structure n'a pas de contrat d'adhésion : une carte CPA ne peut pas être délivrée.", "Nous ne pouvons pas donner suite",
                     "Lucie Moreau", "Page 1 / 1",
                 })
        {
            text.AssertContains(value);
        }
    }

    [Fact]
    public async Task Decision_letter_of_an_acceptance_ticks_accepted_and_gives_the_next_steps()
    {
        var model = MoreDocumentModels.Refusal() with { Outcome = DecisionOutcome.Accepted, Reason = null, NextSteps = "Les cartes seront livrées sous 10 jours ouvrés." };

        var text = await PrintAsync("letters/decision", model, "decision-accepted.pdf");

        text.AssertTicked("Demande acceptée");
        text.AssertNotTicked("Demande refusée");
        text.AssertContains("Votre demande a été acceptée. Les cartes seront livrées sous 10 jours ouvrés.");
        Assert.DoesNotContain("Motif", text.All);
    }

    [Fact]
    public async Task Replacement_dispatch_letter_gives_the_card_and_codes_dates_never_the_codes()
    {
        var text = await PrintAsync("letters/replacement-dispatch", MoreDocumentModels.Replacement(), "replacement.pdf");

        Assert.Equal(1, text.PageCount);
        foreach (var value in new[]
                 {
                     "Monsieur Jean-Pierre MARTIN", "3 avenue Foch", "69006 LYON", "Paris, le 24 novembre 2026", "Dossier n° REQ-2026-000042",
                     "Objet : envoi de votre carte CPS de remplacement", "en remplacement de la carte n° 2501234567",
                     "Carte attendue vers le 8 décembre 2026", "Codes attendus vers le 9 décembre 2026",
                     "Service du personnel", "12 rue des Lilas", "75012 PARIS", "par courrier sécurisé", "Lucie Moreau", "Page 1 / 1",
                 })
        {
            text.AssertContains(value);
        }
    }
}
