namespace CpsSupport.Features.Mail;

/// <summary>The support mailbox: where mail is read from, where it is sent, and the limits that protect the desk.</summary>
public sealed class MailOptions
{
    /// <summary>Configuration section, e.g. <c>Mail__Source=Imap</c>, <c>Mail__Imap__Host=imap.example.fr</c>.</summary>
    public const string Section = "Mail";

    /// <summary>"Folder" (development default: <c>.eml</c> files in <see cref="MailFolderOptions.Inbox"/>), "Imap", or "None".</summary>
    public string Source { get; set; } = "Folder";

    /// <summary>"Folder" (development default: <c>.eml</c> files written to <see cref="MailFolderOptions.Sent"/>) or "Smtp".</summary>
    public string Sink { get; set; } = "Folder";

    /// <summary>The desk's own address: the From of every message it sends; mail coming from it is ours coming back.</summary>
    public string FromAddress { get; set; } = "support@cpssupport.test";

    public string FromName { get; set; } = "Support cartes CPS";

    /// <summary>Right-hand side of the Message-IDs the desk creates (<c>&lt;…@domain&gt;</c>), so they are recognised when they come back.</summary>
    public string MessageIdDomain { get; set; } = "cpssupport.test";

    public MailFolderOptions Folder { get; set; } = new();
    public ImapOptions Imap { get; set; } = new();
    public SmtpOptions Smtp { get; set; } = new();
    public MailLimits Limits { get; set; } = new();
}

/// <summary>Local folders used in development instead of an IMAP account and an SMTP server. Relative paths start at the repository root.</summary>
public sealed class MailFolderOptions
{
    public string Inbox { get; set; } = ".local/mail/inbox";
    public string Processed { get; set; } = ".local/mail/processed";
    public string Sent { get; set; } = ".local/mail/sent";
}

public sealed class ImapOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 993;

    /// <summary>"SslOnConnect", "StartTls" or "None" (loopback tests only).</summary>
    public string Security { get; set; } = "SslOnConnect";

    public string User { get; set; } = "";
    public string Password { get; set; } = "";
    public string InboxFolder { get; set; } = "INBOX";

    /// <summary>Where a message goes once its ticket is committed.</summary>
    public string ProcessedFolder { get; set; } = "Traités";

    /// <summary>Recurring fetch interval; IMAP IDLE wakes the fetch earlier where the server offers it.</summary>
    public int PollSeconds { get; set; } = 30;

    /// <summary>Keep one connection in IMAP IDLE on the inbox and fetch as soon as mail arrives (where the server offers IDLE; see <see cref="MailIdleListener"/>).</summary>
    public bool UseIdle { get; set; } = true;
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;

    /// <summary>"StartTls", "SslOnConnect" or "None" (loopback tests only).</summary>
    public string Security { get; set; } = "StartTls";

    public string User { get; set; } = "";
    public string Password { get; set; } = "";
}

public sealed class MailLimits
{
    /// <summary>A larger message is quarantined with a notice, never dropped.</summary>
    public long MaxMessageBytes { get; set; } = 30 * 1024 * 1024;

    public long MaxAttachmentBytes { get; set; } = 20 * 1024 * 1024;
    public int MaxAttachments { get; set; } = 20;

    /// <summary>Acknowledgements sent to one address in a rolling hour; beyond it, none (mail-loop brake).</summary>
    public int AcknowledgementsPerSenderPerHour { get; set; } = 3;

    /// <summary>Attempts before a quarantined message or an outgoing message is left to a supervisor.</summary>
    public int MaxAttempts { get; set; } = 5;
}
