using CpsSupport.Features.Mail;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using MimeKit.Tnef;

namespace CpsSupport.Tests.Features.Mail;

/// <summary>
/// Difficult real-world-shaped messages (Corpus/*.eml, written for these tests): each one becomes a ticket, an ignored
/// row (our own mail, a bounce without ticket) or a quarantine entry, never an unhandled exception.
/// </summary>
public sealed class MailCorpusTests
{
    private static readonly string CorpusFolder = Path.Combine(RepositoryRoot.Path, "tests", "CpsSupport.Tests", "Features", "Mail", "Corpus");

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(CorpusFolder, "*.eml").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void Corpus_holds_at_least_30_messages() => Assert.True(CorpusFiles().Count >= 30);

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task Every_corpus_message_becomes_exactly_one_recorded_outcome(string file)
    {
        await using var w = await MailWorld.CreateAsync();
        var result = await w.IngestAsync(await File.ReadAllBytesAsync(Path.Combine(CorpusFolder, file)));

        Assert.Equal(1, result.Total);
        Assert.Equal(0, result.Duplicates);
        var inbound = Assert.Single(await w.InboundAsync());
        var tickets = await w.TicketsAsync();
        switch (inbound.Status)
        {
            case InboundMailStatus.Processed:
                Assert.NotNull(inbound.TicketId);
                break;
            case InboundMailStatus.Ignored:
                Assert.Empty(tickets);
                Assert.NotNull(inbound.Note);
                break;
            case InboundMailStatus.Quarantined:
                Assert.NotNull(inbound.Error);
                Assert.NotNull(inbound.RawSha256);
                break;
            default:
                Assert.Fail($"{file}: unexpected status {inbound.Status}");
                break;
        }
        // Ingesting the same bytes again is a no-op.
        var again = await w.IngestAsync(await File.ReadAllBytesAsync(Path.Combine(CorpusFolder, file)));
        Assert.Equal(1, again.Duplicates);
    }

    [Theory]
    [InlineData("01-latin1-quoted-printable.eml", "José García", "perdu ma carte CPS pendant mes congés à l'étranger")]
    [InlineData("02-windows-1252-8bit.eml", null, "on m’a facturé 25 € pour un renouvellement…")]
    [InlineData("03-rfc2047-headers.eml", "Élodée Müller", "Le lecteur ne reconnaît plus la carte")]
    [InlineData("22-utf8-8bit-undeclared.eml", null, "Je n'ai pas reçu mes codes, pourtant la carte est arrivée. Merci d'avance — Zoë.")]
    [InlineData("23-latin1-8bit-undeclared.eml", null, "La carte est abîmée, la puce est rayée. Où dois-je la renvoyer ?")]
    public async Task Charsets_are_decoded(string file, string? requesterName, string expectedText)
    {
        await using var w = await MailWorld.CreateAsync();
        await w.IngestAsync(await File.ReadAllBytesAsync(Path.Combine(CorpusFolder, file)));

        var ticket = Assert.Single(await w.TicketsAsync());
        if (requesterName is not null) Assert.Equal(requesterName, ticket.RequesterName);
        Assert.Contains(expectedText, ticket.Messages.Single(m => m.Kind == TicketMessageKind.IncomingMail).Body);
    }

    [Fact]
    public async Task Rfc2047_subject_and_windows_1252_subject_are_decoded()
    {
        await using var w = await MailWorld.CreateAsync();
        await w.IngestAsync(await Corpus("03-rfc2047-headers.eml"), await Corpus("02-windows-1252-8bit.eml"));

        var subjects = (await w.TicketsAsync()).Select(t => t.Subject).ToList();
        Assert.True(subjects.Contains("Problème de lecteur après mise à jour – urgent"), string.Join(" | ", subjects));
        Assert.True(subjects.Contains("Facture de 25 € pour la carte ?"), string.Join(" | ", subjects));
    }

    [Fact]
    public async Task Html_only_mail_is_sanitized_no_script_handler_javascript_or_remote_content()
    {
        await using var w = await MailWorld.CreateAsync();
        await w.IngestAsync(await Corpus("04-html-only-with-scripts.eml"));

        var message = Assert.Single(await w.TicketsAsync()).Messages.Single(m => m.Kind == TicketMessageKind.IncomingMail);
        var html = message.Html!;
        Assert.Contains("<b>bloquée</b>", html);
        Assert.Contains("https://ans.example/aide", html);
        foreach (var banned in new[] { "<script", "onload", "onclick", "javascript:", "tracker.evil.example", "<iframe", "<form", "<input", "evil.example/x.png" })
            Assert.DoesNotContain(banned, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ma carte est bloquée", message.Body);
        Assert.DoesNotContain("document.cookie", message.Body);
        Assert.Equal(TicketCategory.BlockedPin, (await w.TicketsAsync()).Single().Category);
    }

    [Fact]
    public async Task Forwarded_message_is_quoted_in_the_text_with_its_attachment()
    {
        await using var w = await MailWorld.CreateAsync();
        await w.IngestAsync(await Corpus("09-forwarded-rfc822.eml"));

        var message = Assert.Single(await w.TicketsAsync()).Messages.Single(m => m.Kind == TicketMessageKind.IncomingMail);
        Assert.Contains("Je vous transfère la demande", message.Body);
        Assert.Contains("Message transféré", message.Body);
        Assert.Contains("erreur de lecture", message.Body);
        Assert.Equal("erreur.png", Assert.Single(message.Attachments).FileName);
    }

    [Fact]
    public async Task Winmail_dat_is_unpacked_into_its_attachments_and_a_corrupt_one_is_kept_as_is()
    {
        await using var w = await MailWorld.CreateAsync();
        await w.IngestAsync(MailWorld.Bytes(TnefMail()), await Corpus("10-corrupt-winmail-dat.eml"));

        var tickets = await w.TicketsAsync();
        var unpacked = tickets.Single(t => t.Subject == "Demande Outlook").Messages.Single(m => m.Kind == TicketMessageKind.IncomingMail);
        Assert.Contains(unpacked.Attachments, a => a.FileName == "attestation.txt");
        Assert.DoesNotContain(unpacked.Attachments, a => a.FileName == "winmail.dat");
        var corrupt = tickets.Single(t => t.Subject == "Demande avec winmail.dat");
        Assert.Contains(corrupt.Messages.SelectMany(m => m.Attachments), a => a.FileName == "winmail.dat");
    }

    [Theory]
    [InlineData("13-auto-submitted.eml")]
    [InlineData("14-out-of-office-fr.eml")]
    [InlineData("15-out-of-office-en-suppress.eml")]
    [InlineData("16-mailing-list.eml")]
    [InlineData("17-noreply-sender.eml")]
    [InlineData("38-precedence-bulk.eml")]
    public async Task Automatic_mail_opens_a_ticket_without_acknowledgement(string file)
    {
        await using var w = await MailWorld.CreateAsync();
        await w.IngestAsync(await Corpus(file));

        Assert.Single(await w.TicketsAsync());
        Assert.Empty(w.Acknowledgements);
        Assert.StartsWith("pas d'accusé de réception", Assert.Single(await w.InboundAsync()).Note);
    }

    [Theory]
    [InlineData("18-own-message-back.eml")]
    [InlineData("19-own-message-id-back.eml")]
    public async Task Our_own_mail_coming_back_is_ignored(string file)
    {
        await using var w = await MailWorld.CreateAsync();
        await w.IngestAsync(await Corpus(file));

        Assert.Empty(await w.TicketsAsync());
        Assert.Empty(w.Acknowledgements);
        Assert.Equal(InboundMailStatus.Ignored, Assert.Single(await w.InboundAsync()).Status);
    }

    [Fact]
    public async Task Bounce_marks_the_address_failing_on_the_person_and_the_ticket()
    {
        await using var w = await MailWorld.CreateAsync();
        await w.IngestAsync(MailWorld.Bytes(MailWorld.Incoming("inconnu@cabinet.example", "Carte perdue", "Perdue hier.")));
        await using (var db = w.Db())
        {
            var build = new RegistryBuilder(db);
            var person = build.Person("Luc", "Inconnu", "810002813851", "Médecin");
            person.Email = "inconnu@cabinet.example";
            await db.SaveChangesAsync();
        }
        var people = new CpsSupport.Features.People.PersonService(w.Factory);
        var personId = (await people.GetByNationalIdAsync(w.Supervisor, "810002813851"))!.Id;
        Assert.Null((await people.GetAsync(w.Supervisor, personId))!.EmailFailingAt);

        await w.IngestAsync(await Corpus("11-bounce-dsn.eml"), await Corpus("12-bounce-plain-mailer-daemon.eml"));

        // The person page reads the flag from the detail ("Adresse en échec depuis le …").
        Assert.Equal(w.Clock.Now, (await people.GetAsync(w.Supervisor, personId))!.EmailFailingAt);

        Assert.Single(w.Acknowledgements); // the first mail's only
        var ticket = Assert.Single(await w.TicketsAsync());
        Assert.Equal(w.Clock.Now, ticket.RequesterEmailFailingAt);
        Assert.Contains(ticket.Messages, m => m.Kind == TicketMessageKind.InternalNote && m.Body.Contains("inconnu@cabinet.example"));
        await using var check = w.Db();
        Assert.NotNull((await check.People.SingleAsync(p => p.Email == "inconnu@cabinet.example")).EmailFailingAt);
        var plain = (await w.InboundAsync()).Single(m => m.FromAddress == "mailer-daemon@relay.example");
        Assert.Equal(InboundMailStatus.Ignored, plain.Status);
        Assert.Contains("ancien@cabinet.example", plain.Note);
    }

    [Fact]
    public async Task Identifiers_are_validated_and_proposed_in_a_note()
    {
        await using var w = await MailWorld.CreateAsync();
        await w.IngestAsync(await Corpus("28-identifiers.eml"));

        var note = Assert.Single(await w.TicketsAsync()).Messages.Single(m => m.Kind == TicketMessageKind.InternalNote).Body;
        Assert.Contains("RPPS 99700026547", note);
        Assert.Contains("FINESS 010000024", note);
        Assert.Contains("SIRET 73282932000074", note);
        Assert.DoesNotContain("99700026548", note); // wrong check digit
    }

    [Fact]
    public async Task Mail_without_Message_ID_is_deduplicated_by_its_hash()
    {
        await using var w = await MailWorld.CreateAsync();
        var raw = await Corpus("06-no-message-id.eml");
        await w.IngestAsync(raw, raw);

        Assert.Single(await w.TicketsAsync());
        Assert.StartsWith("sha256:", Assert.Single(await w.InboundAsync()).DedupeKey);
    }

    [Fact]
    public async Task Attachments_over_the_size_or_count_limit_are_left_out_with_a_notice_and_content_is_stored_once()
    {
        await using var w = await MailWorld.CreateAsync(o => { o.Limits.MaxAttachmentBytes = 1024 * 1024; o.Limits.MaxAttachments = 3; });
        var message = MailWorld.Incoming("pj@cabinet.example", "Beaucoup de pièces", "Voir PJ.");
        var mixed = new Multipart("mixed") { message.Body! };
        mixed.Add(Part("enorme.bin", new byte[2 * 1024 * 1024])); // generated here rather than committed
        var same = System.Text.Encoding.ASCII.GetBytes("même contenu");
        for (var i = 0; i < 4; i++) mixed.Add(Part($"copie-{i}.txt", same));
        message.Body = mixed;

        await w.IngestAsync(MailWorld.Bytes(message));

        var ticket = Assert.Single(await w.TicketsAsync());
        var mail = ticket.Messages.Single(m => m.Kind == TicketMessageKind.IncomingMail);
        Assert.Equal(3, mail.Attachments.Count);
        Assert.Single(mail.Attachments.Select(a => a.Sha256).Distinct());
        var note = ticket.Messages.Single(m => m.Kind == TicketMessageKind.InternalNote).Body;
        Assert.Contains("enorme.bin", note);
        Assert.Contains("copie-3.txt", note);
        await using var db = w.Db();
        Assert.Equal(1, await db.StoredFiles.CountAsync(f => f.Sha256 == mail.Attachments[0].Sha256));
    }

    [Fact]
    public async Task Ticket_number_of_an_unknown_ticket_opens_a_normal_ticket()
    {
        await using var w = await MailWorld.CreateAsync();
        await w.IngestAsync(await Corpus("36-ticket-number-unknown.eml"));

        var ticket = Assert.Single(await w.TicketsAsync());
        Assert.DoesNotContain(MailIngestionService.UnverifiedSenderTag, ticket.Tags);
    }

    private static Task<byte[]> Corpus(string file) => File.ReadAllBytesAsync(Path.Combine(CorpusFolder, file));

    private static MimePart Part(string name, byte[] content) =>
        new("application", "octet-stream") { FileName = name, Content = new MimeContent(new MemoryStream(content)), ContentTransferEncoding = ContentEncoding.Base64 };

    /// <summary>An Outlook-style mail whose attachment travels in winmail.dat (TNEF), written attribute by attribute.</summary>
    private static MimeMessage TnefMail()
    {
        using var tnef = new MemoryStream();
        var w = new BinaryWriter(tnef);
        w.Write(0x223E9F78u); // TNEF signature
        w.Write((ushort)0x0001); // legacy key
        Attribute(w, 1, 0x00089006, BitConverter.GetBytes(0x00010000)); // attTnefVersion
        Attribute(w, 1, 0x00069007, [0xE4, 0x04, 0, 0, 0, 0, 0, 0]); // attOemCodepage 1252
        Attribute(w, 1, 0x00078008, System.Text.Encoding.ASCII.GetBytes("IPM.Microsoft Mail.Note\0")); // attMessageClass
        Attribute(w, 2, 0x00069002, new byte[14]); // attAttachRenderData: an attachment starts
        Attribute(w, 2, 0x00018010, System.Text.Encoding.ASCII.GetBytes("attestation.txt\0")); // attAttachTitle
        Attribute(w, 2, 0x0006800F, System.Text.Encoding.ASCII.GetBytes("Attestation de perte de la carte.")); // attAttachData
        w.Flush();

        var message = MailWorld.Incoming("outlook@entreprise.example", "Demande Outlook", "Voir winmail.dat");
        var part = new TnefPart { FileName = "winmail.dat", Content = new MimeContent(new MemoryStream(tnef.ToArray())) };
        message.Body = new Multipart("mixed") { message.Body!, part };
        return message;
    }

    private static void Attribute(BinaryWriter w, byte level, uint id, byte[] data)
    {
        w.Write(level);
        w.Write(id);
        w.Write(data.Length);
        w.Write(data);
        w.Write((ushort)data.Sum(b => b));
    }
}
