namespace CpsSupport.Features.Mail;

/// <summary>What the desk keeps of an incoming message once decoded: text, sanitized HTML, attachments, threading headers.</summary>
public sealed record ParsedMail(
    string? MessageId,
    IReadOnlyList<string> ThreadIds,
    string? FromAddress,
    string? FromName,
    string Subject,
    string Text,
    string? Html,
    IReadOnlyList<MailAttachment> Attachments,
    IReadOnlyList<string> Notices,
    MailKind Kind,
    string? KindReason,
    IReadOnlyList<string> FailedRecipients);

/// <summary>A decoded attachment (winmail.dat contents and forwarded messages' files included).</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
