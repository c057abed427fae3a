namespace CpsSupport.CardReader;

/// <summary>Configuration section <c>CardReader</c> of the module.</summary>
public sealed class CardReaderOptions
{
    public const string Section = "CardReader";

    /// <summary>TCP port on 127.0.0.1; the module never listens on another interface.</summary>
    public int Port { get; set; } = 5090;

    /// <summary>
    /// The PKCS#11 module. Empty: the Cryptolib CPS of the platform (<see cref="DefaultLibraryPath"/>).
    /// Cryptolib CPS: <c>/opt/santesocial/CPS/lib/libcps3_pkcs11_lux.so</c> (Linux), <c>cps3_pkcs11_w64.dll</c> (Windows,
    /// installed in System32), <c>/usr/local/lib/libcps3_pkcs11_osx.dylib</c> (macOS). SoftHSM2 for tests:
    /// <c>/usr/lib/softhsm/libsofthsm2.so</c>.
    /// </summary>
    public string? Pkcs11LibraryPath { get; set; }

    /// <summary>The back office's origin (scheme://host[:port]), the only one allowed to call from a browser.</summary>
    public string? AllowedOrigin { get; set; }

    /// <summary>Secret shared with the back office, sent in <c>X-Pairing-Token</c>; generated on first start when empty.</summary>
    public string? PairingToken { get; set; }

    /// <summary>How often slots are polled for card insertion and removal.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Demo and development: the simulated reader and its test cards instead of PKCS#11.</summary>
    public bool UseSimulator { get; set; }

    /// <summary>Where the simulator writes its test authority (PEM), for the server's trust anchors in development.</summary>
    public string? SimulatorCaExportPath { get; set; }

    public string LibraryPath => string.IsNullOrWhiteSpace(Pkcs11LibraryPath) ? DefaultLibraryPath : Pkcs11LibraryPath;

    public static string DefaultLibraryPath =>
        OperatingSystem.IsWindows() ? "cps3_pkcs11_w64.dll"
        : OperatingSystem.IsMacOS() ? "/usr/local/lib/libcps3_pkcs11_osx.dylib"
        : "/opt/santesocial/CPS/lib/libcps3_pkcs11_lux.so";
}
