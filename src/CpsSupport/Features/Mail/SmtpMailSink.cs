using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CpsSupport.Features.Mail;

/// <summary>Delivers through the SMTP server of <see cref="SmtpOptions"/> (MailKit), one connection per batch.</summary>
public sealed class SmtpMailSink(IOptions<MailOptions> options) : IMailSink
{
    /// <summary>A silent server must not hold a delivery run for MailKit's default two minutes.</summary>
    private const int TimeoutMilliseconds = 30_000;

    public async Task<IMailSinkSession> OpenAsync(CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host)) throw new InvalidOperationException("Mail:Smtp:Host is not configured.");
        var client = new SmtpClient { Timeout = TimeoutMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, Security(smtp.Security), ct);
            if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password, ct);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        return new Session(client);
    }

    private static SecureSocketOptions Security(string value) => value switch
    {
        "StartTls" => SecureSocketOptions.StartTls,
        "SslOnConnect" => SecureSocketOptions.SslOnConnect,
        "None" => SecureSocketOptions.None,
        _ => throw new InvalidOperationException($"Mail:Smtp:Security '{value}' is not one of StartTls, SslOnConnect, None."),
    };

    private sealed class Session(SmtpClient client) : IMailSinkSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct) => await client.SendAsync(message, ct);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected) await client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or MailKit.ProtocolException or SmtpCommandException or OperationCanceledException)
            {
                // The messages were accepted before; a failed QUIT changes nothing for them.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
