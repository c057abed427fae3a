using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace CpsSupport.CardReader.Tests.TestUtilities;

/// <summary>
/// SoftHSM2 tokens shaped like a CPS card, for the module tests and the card benchmark (linked into bench/): a private
/// configuration and token folder, tokens initialised with softhsm2-util (user PIN <see cref="Pin"/>), then filled
/// through Pkcs11Interop with the card's RSA authentication key, its certificate, the authority's certificate and a
/// public CPS_ID_CARD data object.
/// </summary>
public static class SoftHsmTokens
{
    public const string LibraryPath = "/usr/lib/softhsm/libsofthsm2.so";
    public const string Pin = "1234";

    /// <summary>Writes a SOFTHSM2_CONF with its own token folder under <paramref name="directory"/> and returns its path.</summary>
    public static string CreateConfig(string directory)
    {
        if (!File.Exists(LibraryPath)) throw new InvalidOperationException($"{LibraryPath} is missing: apt-get install -y softhsm2 (scripts/test.sh does it).");
        var tokens = Directory.CreateDirectory(Path.Combine(directory, "tokens")).FullName;
        var conf = Path.Combine(directory, "softhsm2.conf");
        File.WriteAllText(conf, $"directories.tokendir = {tokens}/\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        return conf;
    }

    /// <summary>
    /// Points this process's SoftHSM2 at <paramref name="conf"/>. The native module reads getenv() at C_Initialize:
    /// Environment.SetEnvironmentVariable does not reach it on Unix.
    /// </summary>
    public static void UseConfig(string conf)
    {
        if (SetEnv("SOFTHSM2_CONF", conf, 1) != 0) throw new InvalidOperationException("setenv SOFTHSM2_CONF failed");
    }

    public static void InitToken(string conf, string label) =>
        Run(conf, "--init-token", "--free", "--label", label, "--pin", Pin, "--so-pin", "5678");

    /// <summary>Stores the card's key pair and certificate (id 01), the authority's certificate and the CPS_ID_CARD object.</summary>
    public static void Provision(ISlot slot, X509Certificate2 certificate, X509Certificate2 authority)
    {
        using var session = slot.OpenSession(SessionType.ReadWrite);
        session.Login(CKU.CKU_USER, Pin);
        var a = session.Factories.ObjectAttributeFactory;
        var id = new byte[] { 0x01 };
        var key = certificate.GetRSAPrivateKey()!.ExportParameters(includePrivateParameters: true);
        session.CreateObject(
        [
            a.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY), a.Create(CKA.CKA_KEY_TYPE, CKK.CKK_RSA), a.Create(CKA.CKA_TOKEN, true),
            a.Create(CKA.CKA_PRIVATE, true), a.Create(CKA.CKA_SENSITIVE, true), a.Create(CKA.CKA_SIGN, true),
            a.Create(CKA.CKA_ID, id), a.Create(CKA.CKA_LABEL, "Clé d'authentification CPS"),
            a.Create(CKA.CKA_MODULUS, key.Modulus!), a.Create(CKA.CKA_PUBLIC_EXPONENT, key.Exponent!), a.Create(CKA.CKA_PRIVATE_EXPONENT, key.D!),
            a.Create(CKA.CKA_PRIME_1, key.P!), a.Create(CKA.CKA_PRIME_2, key.Q!), a.Create(CKA.CKA_EXPONENT_1, key.DP!),
            a.Create(CKA.CKA_EXPONENT_2, key.DQ!), a.Create(CKA.CKA_COEFFICIENT, key.InverseQ!),
        ]);
        WriteCertificate(session, certificate, id, "Certificat d'authentification CPS");
        WriteCertificate(session, authority, [0x0A], "Certificat de l'autorité");
        session.CreateObject(
        [
            a.Create(CKA.CKA_CLASS, CKO.CKO_DATA), a.Create(CKA.CKA_TOKEN, true), a.Create(CKA.CKA_PRIVATE, false),
            a.Create(CKA.CKA_LABEL, "CPS_ID_CARD"), a.Create(CKA.CKA_APPLICATION, "CPS"), a.Create(CKA.CKA_VALUE, RandomNumberGenerator.GetBytes(24)),
        ]);
        session.Logout();
    }

    /// <summary>Removes a token folder; a leftover temp folder is harmless.</summary>
    public static void Delete(string directory)
    {
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { }
    }

    private static void WriteCertificate(ISession session, X509Certificate2 certificate, byte[] id, string label)
    {
        var a = session.Factories.ObjectAttributeFactory;
        session.CreateObject(
        [
            a.Create(CKA.CKA_CLASS, CKO.CKO_CERTIFICATE), a.Create(CKA.CKA_CERTIFICATE_TYPE, CKC.CKC_X_509), a.Create(CKA.CKA_TOKEN, true),
            a.Create(CKA.CKA_PRIVATE, false), a.Create(CKA.CKA_ID, id), a.Create(CKA.CKA_LABEL, label),
            a.Create(CKA.CKA_SUBJECT, certificate.SubjectName.RawData), a.Create(CKA.CKA_ISSUER, certificate.IssuerName.RawData),
            a.Create(CKA.CKA_VALUE, certificate.RawData),
        ]);
    }

    private static void Run(string conf, params string[] arguments)
    {
        var start = new ProcessStartInfo("softhsm2-util") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["SOFTHSM2_CONF"] = conf;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"softhsm2-util {string.Join(' ', arguments)} failed: {output}");
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv(string name, string value, int overwrite);
}
