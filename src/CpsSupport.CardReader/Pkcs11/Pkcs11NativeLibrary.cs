using System.Runtime.InteropServices;
using Net.Pkcs11Interop.HighLevelAPI;

namespace CpsSupport.CardReader.Pkcs11;

/// <summary>
/// Pkcs11Interop 5.3 imports <c>libdl</c>, which Debian and Ubuntu only ship as <c>libdl.so.2</c> (no dev symlink):
/// resolve it once for the process, before the first PKCS#11 module is loaded.
/// </summary>
internal static class Pkcs11NativeLibrary
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        if (!OperatingSystem.IsLinux()) return false;
        NativeLibrary.SetDllImportResolver(typeof(Pkcs11InteropFactories).Assembly, (name, _, _) =>
            name == "libdl" && NativeLibrary.TryLoad("libdl.so.2", out var handle) ? handle : IntPtr.Zero);
        return true;
    });

    public static void EnsureResolver() => _ = Registered.Value;
}
