using System.Security.Cryptography;
using System.Text;

namespace CpsSupport.CardReader.Http;

/// <summary>The configured pairing token, compared in constant time.</summary>
public sealed class PairingToken(string value)
{
    private readonly byte[] _value = Encoding.UTF8.GetBytes(value);

    public bool Matches(string? given) =>
        !string.IsNullOrEmpty(given) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _value);

    /// <summary>
    /// The configured token, or the one generated on first start and kept in the user's local application data (shown
    /// on the console so the agent can pair the module once).
    /// </summary>
    public static PairingToken Resolve(CardReaderOptions options, string storeDirectory)
    {
        if (!string.IsNullOrWhiteSpace(options.PairingToken)) return new PairingToken(options.PairingToken.Trim());
        var file = Path.Combine(storeDirectory, "pairing-token");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(storeDirectory);
            File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_'));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return new PairingToken(File.ReadAllText(file).Trim());
    }
}
