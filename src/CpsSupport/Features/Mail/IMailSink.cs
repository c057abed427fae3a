using MimeKit;

namespace CpsSupport.Features.Mail;

/// <summary>Where outgoing mail goes: an SMTP server (<see cref="SmtpMailSink"/>) or a local folder (<see cref="FolderMailSink"/>).</summary>
public interface IMailSink
{
    /// <summary>Opens a session for a batch of messages (one SMTP connection); throws when the server cannot be reached.</summary>
    Task<IMailSinkSession> OpenAsync(CancellationToken ct);
}

public interface IMailSinkSession : IAsyncDisposable
{
    /// <summary>Hands one message over; returns once the server accepted it.</summary>
    Task SendAsync(MimeMessage message, CancellationToken ct);
}
