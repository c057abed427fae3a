using CpsSupport.Features.Documents;
using CpsSupport.Features.Mail;
using CpsSupport.Tests.TestUtilities;
using Microsoft.Extensions.Options;

namespace CpsSupport.Tests.Features.Mail;

/// <summary>The repository's mail templates (<c>templates/mail/</c>) rendered in French with the ticket number.</summary>
public sealed class MailTemplateTests : IDisposable
{
    private static readonly MailTicket Ticket = new("CPS-2026-000123", "Carte CPS bloquée", "Hélène Durand");
    private readonly TemplateStore _store = new(Options.Create(new DocumentOptions { TemplatesRoot = Path.Combine(RepositoryRoot.Path, "templates") }));
    private readonly MailTemplateRenderer _renderer;

    public MailTemplateTests() => _renderer = new MailTemplateRenderer(_store);

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task The_acknowledgement_is_french_and_carries_the_ticket_number()
    {
        var mail = await _renderer.RenderAsync("mail/acknowledgement", Ticket, new AcknowledgementMail(Ticket, "Support cartes CPS"));

        Assert.Equal("[CPS-2026-000123] Accusé de réception : Carte CPS bloquée", mail.Subject);
        Assert.StartsWith("Bonjour Hélène Durand,", mail.Body, StringComparison.Ordinal);
        Assert.Contains("Nous avons bien reçu votre message « Carte CPS bloquée ». Il est enregistré sous le numéro CPS-2026-000123.", mail.Body, StringComparison.Ordinal);
        Assert.Contains("Support cartes CPS", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reply_wraps_the_agent_text_as_written_with_the_signature()
    {
        var text = "Bonjour Madame Durand,\n\nVotre carte est débloquée : <essayez> à nouveau & tenez-nous informés.";
        var mail = await _renderer.RenderAsync("mail/reply", Ticket, new ReplyMail(Ticket, text, "Camille Martin", "Support cartes CPS"));

        Assert.Equal("[CPS-2026-000123] Carte CPS bloquée", mail.Subject);
        // Plain text: nothing is HTML-encoded.
        Assert.StartsWith(text + "\n\nCamille Martin\n--\nSupport cartes CPS", mail.Body, StringComparison.Ordinal);
        Assert.Contains("numéro du ticket entre crochets", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_missing_pieces_notification_lists_the_pieces_and_the_closing_date_in_french()
    {
        var model = new MissingPiecesMail(Ticket, "REQ-2026-000042", ["Pièce d'identité", "Formulaire F501 signé"], new DateOnly(2027, 1, 5), 2, "Support cartes CPS");
        var mail = await _renderer.RenderAsync("mail/missing-pieces", Ticket, model);

        Assert.Equal("[CPS-2026-000123] Pièces manquantes pour la demande REQ-2026-000042", mail.Subject);
        Assert.Contains("Relance n° 2", mail.Body, StringComparison.Ordinal);
        Assert.Contains("- Pièce d'identité\n- Formulaire F501 signé\n", mail.Body, StringComparison.Ordinal);
        Assert.Contains("close le 5 janvier 2027", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_without_the_ticket_number_in_its_subject_gets_it_and_one_with_an_unknown_variable_is_refused()
    {
        var root = Path.Combine(Path.GetTempPath(), $"cps-mail-templates-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(root, "mail"));
        try
        {
            await File.WriteAllTextAsync(Path.Combine(root, "mail", "plain.liquid"), "{% assign subject = 'Votre demande' %}Bonjour.");
            await File.WriteAllTextAsync(Path.Combine(root, "mail", "typo.liquid"), "{% assign subject = 'Votre demande' %}Bonjour {{ ticket.nom }}.");
            using var store = new TemplateStore(Options.Create(new DocumentOptions { TemplatesRoot = root }));
            var renderer = new MailTemplateRenderer(store);
            var model = new AcknowledgementMail(Ticket, "Support");

            var plain = await renderer.RenderAsync("mail/plain", Ticket, model);
            var error = await Assert.ThrowsAsync<TemplateException>(() => renderer.RenderAsync("mail/typo", Ticket, model));

            Assert.Equal("[CPS-2026-000123] Votre demande", plain.Subject);
            Assert.Contains("variable inconnue", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
