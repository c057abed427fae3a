using System.Text.RegularExpressions;
using MimeKit;

namespace CpsSupport.Features.Mail;

public enum MailKind
{
    /// <summary>Written by a person: it gets an acknowledgement when it opens a ticket.</summary>
    Ordinary,
    /// <summary>Auto-reply, out-of-office, list or bulk mail: processed, never acknowledged.</summary>
    Automatic,
    /// <summary>Delivery failure report: marks the address as failing, never acknowledged.</summary>
    Bounce,
    /// <summary>From a no-reply or postmaster address: processed, never acknowledged.</summary>
    NoReply,
    /// <summary>The desk's own mail coming back: never a ticket, never acknowledged.</summary>
    Own,
}

/// <summary>
/// Mail-loop protection: which messages must never be answered automatically (RFC 3834 Auto-Submitted, Precedence,
/// Microsoft's X-Auto-Response-Suppress, list headers, out-of-office subjects in French and English, bounces, no-reply
/// addresses) and which are the desk's own mail coming back.
/// </summary>
public static partial class MailLoopGuard
{
    public static (MailKind Kind, string? Reason) Classify(MimeMessage message, MailOptions options)
    {
        var from = message.From.Mailboxes.FirstOrDefault()?.Address?.Trim() ?? "";
        var messageId = message.MessageId ?? "";
        if (from.Equals(options.FromAddress, StringComparison.OrdinalIgnoreCase)
            || messageId.EndsWith("@" + options.MessageIdDomain, StringComparison.OrdinalIgnoreCase))
            return (MailKind.Own, "message du support revenu dans la boîte");

        if (IsBounce(message, from)) return (MailKind.Bounce, "rapport de non-remise");

        var h = message.Headers;
        if (h[HeaderId.AutoSubmitted] is { } auto && !auto.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
            return (MailKind.Automatic, $"Auto-Submitted: {auto.Trim()}");
        if (h["Precedence"] is { } precedence && precedence.Trim().ToLowerInvariant() is "bulk" or "junk" or "list" or "auto_reply")
            return (MailKind.Automatic, $"Precedence: {precedence.Trim()}");
        if (h["X-Auto-Response-Suppress"] is { } suppress && suppress.Trim().Length > 0)
            return (MailKind.Automatic, "X-Auto-Response-Suppress");
        if (h.Any(x => x.Field.StartsWith("List-", StringComparison.OrdinalIgnoreCase)))
            return (MailKind.Automatic, "message de liste de diffusion");
        if (h["X-Autoreply"] is not null || h["X-Autorespond"] is not null || h["X-Auto-Reply"] is not null)
            return (MailKind.Automatic, "réponse automatique (X-Autoreply)");
        if (OutOfOffice().IsMatch(message.Subject ?? ""))
            return (MailKind.Automatic, "réponse automatique (objet)");

        if (NoReply().IsMatch(from)) return (MailKind.NoReply, "adresse sans réponse");
        return (MailKind.Ordinary, null);
    }

    private static bool IsBounce(MimeMessage message, string from)
    {
        if (message.Body is MultipartReport) return true;
        if (from.StartsWith("mailer-daemon@", StringComparison.OrdinalIgnoreCase) || from.Equals("mailer-daemon", StringComparison.OrdinalIgnoreCase)) return true;
        // An empty Return-Path (<>) is the envelope sender of delivery reports (RFC 5321 §4.5.5).
        var returnPath = message.Headers[HeaderId.ReturnPath];
        return returnPath is not null && returnPath.Trim() is "<>" or "";
    }

    [GeneratedRegex(@"^(re\s*:\s*)?(r[ée]ponse automatique|absence|absent(e)?\b|out of (the )?office|automatic reply|auto(-| )?reply|autoreply|abwesend|vacances|vacation|cong[ée]s?\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OutOfOffice();

    [GeneratedRegex(@"^(no[-_.]?reply|do[-_.]?not[-_.]?reply|ne[-_.]?pas[-_.]?repondre|postmaster|mailer-daemon|bounces?)([-+.][^@]*)?@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoReply();
}
