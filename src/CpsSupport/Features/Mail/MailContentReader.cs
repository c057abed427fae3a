using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Tnef;

namespace CpsSupport.Features.Mail;

/// <summary>
/// Decodes a MIME message with MimeKit: text in its declared charset (ISO-8859-1, windows-1252, RFC 2047 headers),
/// HTML sanitized (<see cref="MailHtml"/>), attachments within the size and count limits (others named in a notice),
/// winmail.dat (TNEF) unpacked, forwarded messages (message/rfc822) quoted in the text with their attachments kept,
/// and, for delivery reports, the failing recipients.
/// </summary>
public static partial class MailContentReader
{
    private const int MaxTextLength = 200_000;

    /// <summary>Undeclared 8-bit headers are read as windows-1252 (a superset of ISO-8859-1), the usual French mail client default.</summary>
    public static readonly ParserOptions Parser = CreateParser();

    private static ParserOptions CreateParser()
    {
        MailEncodings.EnsureRegistered();
        var parser = ParserOptions.Default.Clone();
        parser.CharsetEncoding = Encoding.GetEncoding(1252);
        return parser;
    }

    public static ParsedMail Read(MimeMessage message, MailOptions options)
    {
        var (kind, reason) = MailLoopGuard.Classify(message, options);
        var limits = options.Limits;
        var attachments = new List<MailAttachment>();
        var notices = new List<string>();
        var text = new StringBuilder();
        string? html = null;
        Walk(message, limits, attachments, notices, text, ref html, depth: 0);

        var from = message.From.Mailboxes.FirstOrDefault();
        var subject = Clean(DecodeSubject(message));
        var body = text.ToString().Trim();
        if (body.Length > MaxTextLength) body = body[..MaxTextLength] + "\n[… texte tronqué]";
        return new ParsedMail(
            string.IsNullOrWhiteSpace(message.MessageId) ? null : message.MessageId.Trim(),
            ThreadIds(message),
            SenderAddress(message),
            string.IsNullOrWhiteSpace(from?.Name) ? null : Clean(from!.Name),
            subject.Length == 0 ? "(sans objet)" : subject,
            body.Length == 0 ? "(message sans texte)" : body,
            html,
            attachments,
            notices,
            kind,
            reason,
            kind == MailKind.Bounce ? FailedRecipients(message) : []);
    }

    /// <summary>The Message-IDs a message answers: In-Reply-To, then References, each once.</summary>
    public static List<string> ThreadIds(MimeMessage message)
    {
        var threadIds = new List<string>();
        if (message.InReplyTo is { Length: > 0 } inReplyTo) threadIds.Add(inReplyTo);
        threadIds.AddRange(message.References.Where(r => r.Length > 0));
        return threadIds.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The first sender's address, trimmed and lower-cased; null when missing or longer than an address can be.</summary>
    public static string? SenderAddress(MimeMessage message) =>
        message.From.Mailboxes.FirstOrDefault()?.Address?.Trim().ToLowerInvariant() is { Length: > 0 and <= 254 } address ? address : null;

    /// <summary>
    /// RFC 2047 words are decoded by MimeKit. A subject written in raw 8-bit or ISO-2022 bytes that are not UTF-8 is
    /// read in the charset the message declares for its text (GB2312, Shift_JIS, ISO-2022-JP…), as mail clients do;
    /// windows-1252 only when it declares none.
    /// </summary>
    private static string DecodeSubject(MimeMessage message)
    {
        var header = message.Headers.FirstOrDefault(h => h.Id == HeaderId.Subject);
        if (header is null) return message.Subject ?? "";
        var raw = header.RawValue;
        var escaped = Array.IndexOf(raw, (byte)0x1B) >= 0;
        var eightBit = raw.Any(b => b >= 0x80);
        if (!escaped && (!eightBit || IsUtf8(raw))) return message.Subject ?? "";
        if (DeclaredCharset(message) is not { } charset) return message.Subject ?? "";
        try
        {
            return header.GetValue(Encoding.GetEncoding(charset)).Trim();
        }
        catch (ArgumentException)
        {
            // A charset .NET does not know: MimeKit's reading stands.
            return message.Subject ?? "";
        }
    }

    private static string? DeclaredCharset(MimeMessage message) =>
        message.Body?.ContentType.Charset
        ?? message.BodyParts.OfType<TextPart>().Select(p => p.ContentType.Charset).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static void Walk(MimeMessage message, MailLimits limits, List<MailAttachment> attachments, List<string> notices, StringBuilder text, ref string? html, int depth)
    {
        // MimeKit picks the best text and HTML alternatives of the body, decoded with their charsets.
        var plain = message.TextBody;
        var rawHtml = message.HtmlBody;
        if (depth == 0 && rawHtml is not null) html = MailHtml.Sanitize(rawHtml);
        if (!string.IsNullOrWhiteSpace(plain)) text.AppendLine(plain.TrimEnd());
        else if (rawHtml is not null) text.AppendLine(HtmlToText(rawHtml));

        foreach (var entity in message.BodyParts)
        {
            switch (entity)
            {
                case MessageDeliveryStatus or TextRfc822Headers:
                    break;
                case TnefPart tnef:
                    MimeMessage converted;
                    try
                    {
                        converted = tnef.ConvertToMessage();
                    }
                    catch (Exception e) when (e is TnefException or FormatException or ArgumentException or IOException)
                    {
                        notices.Add($"winmail.dat illisible ({e.Message}) : joint tel quel.");
                        AddPart(tnef, limits, attachments, notices);
                        break;
                    }
                    var (files, length) = (attachments.Count, text.Length);
                    if (depth < 3) Walk(converted, limits, attachments, notices, text, ref html, depth + 1);
                    if (attachments.Count == files && text.Length == length)
                    {
                        // Nothing came out of it: keep the file itself rather than lose what it may hold.
                        notices.Add("winmail.dat sans contenu lisible : joint tel quel.");
                        AddPart(tnef, limits, attachments, notices);
                    }
                    break;
                case MessagePart { Message: { } forwarded } part when depth < 3:
                    text.AppendLine();
                    text.AppendLine("---------- Message transféré ----------");
                    text.AppendLine($"De : {forwarded.From}");
                    if (forwarded.Date != DateTimeOffset.MinValue) text.AppendLine($"Date : {forwarded.Date:dd/MM/yyyy HH:mm}");
                    text.AppendLine($"Objet : {Clean(forwarded.Subject)}");
                    text.AppendLine();
                    Walk(forwarded, limits, attachments, notices, text, ref html, depth + 1);
                    break;
                case MimePart part when IsAttachment(part, message):
                    AddPart(part, limits, attachments, notices);
                    break;
            }
        }
    }

    /// <summary>A part that is not the body text chosen by MimeKit: declared attachments, and inline non-text parts (images, PDF).</summary>
    private static bool IsAttachment(MimePart part, MimeMessage message) =>
        part.IsAttachment || part is not TextPart;

    private static void AddPart(MimePart part, MailLimits limits, List<MailAttachment> attachments, List<string> notices)
    {
        var name = FileName(part, attachments.Count);
        if (attachments.Count >= limits.MaxAttachments)
        {
            notices.Add($"Pièce jointe « {name} » non conservée : plus de {limits.MaxAttachments} pièces jointes.");
            return;
        }
        if (part.Content is null) return;
        using var decoded = new MemoryStream();
        part.Content.DecodeTo(new LimitedStream(decoded, limits.MaxAttachmentBytes));
        if (decoded.Length > limits.MaxAttachmentBytes)
        {
            notices.Add($"Pièce jointe « {name} » non conservée : plus de {limits.MaxAttachmentBytes / (1024 * 1024)} Mo (message brut conservé).");
            return;
        }
        if (decoded.Length == 0) return;
        var contentType = part.ContentType.MimeType;
        if (contentType.Length > 127) contentType = "application/octet-stream";
        attachments.Add(new MailAttachment(name, contentType, decoded.ToArray()));
    }

    private static string FileName(MimePart part, int index)
    {
        var name = part.FileName;
        if (string.IsNullOrWhiteSpace(name))
        {
            var extension = MimeTypes.TryGetExtension(part.ContentType.MimeType, out var ext) ? ext : ".bin";
            name = $"piece-jointe-{index + 1}{extension}";
        }
        name = Path.GetFileName(name.Replace('\\', '/')).Trim();
        name = new string(name.Where(c => !char.IsControl(c)).ToArray());
        if (name.Length == 0) name = $"piece-jointe-{index + 1}.bin";
        return name.Length > 255 ? name[^255..] : name;
    }

    private static List<string> FailedRecipients(MimeMessage message)
    {
        var failed = new List<string>();
        foreach (var status in message.BodyParts.OfType<MessageDeliveryStatus>())
        {
            foreach (var group in status.StatusGroups)
            {
                var action = group["Action"];
                var recipient = group["Final-Recipient"] ?? group["Original-Recipient"];
                if (recipient is null || (action is not null && !action.Trim().Equals("failed", StringComparison.OrdinalIgnoreCase))) continue;
                var address = recipient.Contains(';') ? recipient[(recipient.IndexOf(';') + 1)..] : recipient;
                address = address.Trim().Trim('<', '>').ToLowerInvariant();
                if (address.Contains('@')) failed.Add(address);
            }
        }
        if (failed.Count == 0)
        {
            // Plain-text bounces without a delivery-status part: the addresses quoted in the report.
            foreach (Match m in QuotedAddress().Matches(message.TextBody ?? "")) failed.Add(m.Groups[1].Value.ToLowerInvariant());
        }
        return failed.Distinct().Take(10).ToList();
    }

    /// <summary>The Message-IDs of the original message quoted in a bounce (its headers part or attached message).</summary>
    public static IReadOnlyList<string> BouncedMessageIds(MimeMessage message)
    {
        var ids = new List<string>();
        foreach (var entity in message.BodyParts)
        {
            if (entity is MessagePart { Message.MessageId: { Length: > 0 } id }) ids.Add(id);
            if (entity is TextRfc822Headers headers && headers.Message?.MessageId is { Length: > 0 } hid) ids.Add(hid);
        }
        return ids;
    }

    /// <summary>Plain text of an HTML-only mail, for search and the text view: scripts and styles dropped, blocks on their own lines.</summary>
    internal static string HtmlToText(string html)
    {
        var text = ScriptOrStyle().Replace(html, " ");
        text = BlockEnd().Replace(text, "\n");
        text = Tags().Replace(text, "");
        text = System.Net.WebUtility.HtmlDecode(text);
        text = BlankLines().Replace(HorizontalSpaces().Replace(text, " "), "\n\n");
        return text.Trim();
    }

    [GeneratedRegex(@"<(script|style|head)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<br\s*/?>|</(p|div|tr|li|h[1-6]|table|blockquote)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"[ \t\u00a0]+")]
    private static partial Regex HorizontalSpaces();

    [GeneratedRegex(@"(\s*\n){3,}")]
    private static partial Regex BlankLines();

    private static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var cleaned = new string(text.Where(c => !char.IsControl(c) || c == '\t').ToArray());
        return Spaces().Replace(cleaned, " ").Trim();
    }

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"<([A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,})>")]
    private static partial Regex QuotedAddress();

    /// <summary>Writes at most <c>limit + 1</c> bytes, so an oversized attachment is detected without being decoded whole.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            var room = limit + 1 - inner.Length;
            if (room <= 0) return;
            inner.Write(buffer, offset, (int)Math.Min(count, room));
        }
    }
}
