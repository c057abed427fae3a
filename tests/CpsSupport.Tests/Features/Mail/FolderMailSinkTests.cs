using CpsSupport.Features.Mail;
using CpsSupport.Features.Tickets;
using MimeKit;

namespace CpsSupport.Tests.Features.Mail;

/// <summary>The development sink: each delivered message is a parsable <c>.eml</c> file named after its Message-ID.</summary>
public sealed class FolderMailSinkTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"cps-mail-sent-{Guid.NewGuid():N}");
    private MailWorld _world = null!;

    public async Task InitializeAsync() => _world = await MailWorld.WithFolderSinkAsync(_folder);

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_reply_with_its_attachment_is_written_as_a_parsable_eml_file()
    {
        var ticket = await _world.TicketFromMailAsync("helene.durand@example.test", "first@example.test");
        var pdf = "%PDF-1.7 formulaire de test"u8.ToArray();
        var replyId = await _world.Tickets.AddMessageAsync(_world.Desk, ticket.Id,
            new NewTicketMessage(TicketMessageKind.PublicReply, "Voici le formulaire F501 à compléter.", [new NewAttachment("F501.pdf", pdf)]));

        var run = await _world.Delivery().DeliverDueAsync();

        Assert.Equal(new MailDeliveryRun(1, 0, 0), run);
        var messageId = (await _world.MessageAsync(replyId)).MessageId!;
        var file = Assert.Single(Directory.GetFiles(_folder));
        Assert.Equal(FolderMailSink.FileName(messageId), Path.GetFileName(file));
        var mail = await MimeMessage.LoadAsync(file);
        Assert.Equal(messageId, mail.MessageId);
        Assert.Equal("first@example.test", mail.InReplyTo);
        Assert.Equal($"[{ticket.Number}] Carte CPS bloquée", mail.Subject);
        Assert.Contains("Voici le formulaire F501 à compléter.", mail.TextBody ?? "", StringComparison.Ordinal);
        var attachment = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal("F501.pdf", attachment.FileName);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Equal(pdf, content.ToArray());
    }
}
