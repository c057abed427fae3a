using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;

namespace CpsSupport.Features.Mail;

/// <summary>
/// Registers the legacy code pages (windows-125x, GB2312, Shift_JIS, ISO-2022-JP, Big5…) before anything parses mail.
/// MimeKit builds its charset alias table once, the first time it decodes anything: if that happens before the
/// provider is registered, "gb2312" or "iso-2022-jp" stay unknown for the life of the process and those subjects come
/// out as windows-1252 mojibake. Registering in a module initializer makes the order independent of which code
/// touches MimeKit first.
/// </summary>
public static class MailEncodings
{
    private static int _registered;

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "Process-wide encoding registration must precede MimeKit's one-time charset table, whoever loads this library.")]
    internal static void RegisterOnLoad() => EnsureRegistered();

    /// <summary>Idempotent; call it first in any assembly that may use MimeKit before this one is loaded (tests).</summary>
    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0) Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }
}
