using System.Runtime.CompilerServices;
using CpsSupport.Features.Mail;

namespace CpsSupport.Tests.TestUtilities;

internal static class ModuleSetup
{
    /// <summary>
    /// Some tests read mail with MimeKit before touching the application assembly: register the code pages first,
    /// as the application does, so MimeKit's charset table never misses GB2312 or ISO-2022-JP whatever the test order.
    /// </summary>
    [ModuleInitializer]
    internal static void Initialize() => MailEncodings.EnsureRegistered();
}
