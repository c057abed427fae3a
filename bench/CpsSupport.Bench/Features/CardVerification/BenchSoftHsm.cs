using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CpsSupport.CardReader.Pkcs11;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace CpsSupport.Bench.Features.CardVerification;

/// <summary>
/// A SoftHSM2 token in a private temp folder (own SOFTHSM2_CONF), provisioned as the module tests do: initialised with
/// softhsm2-util (PIN 1234), then given through Pkcs11Interop an RSA 2048 authentication key, its certificate issued by
/// a test authority made here ("TEST AC IGC-SANTE …", so a test card), the authority's certificate and a public
/// CPS_ID_CARD data object. The library is finalised before the module process opens the token.
/// </summary>
public sealed class BenchSoftHsm : IDisposable
{
    public const string LibraryPath = "/usr/lib/softhsm/libsofthsm2.so";
    public const string Pin = "1234";
    public const string Label = "banc-valide";

    private BenchSoftHsm(string directory, string configFile, string serial, X509Certificate2 authority, X509Certificate2 certificate)
    {
        Directory = directory;
        ConfigFile = configFile;
        Serial = serial;
        Authority = authority;
        Certificate = certificate;
    }

    public string Directory { get; }
    /// <summary>The SOFTHSM2_CONF the module process must be started with.</summary>
    public string ConfigFile { get; }
    /// <summary>The token serial, which the module reports as the card serial.</summary>
    public string Serial { get; }
    public X509Certificate2 Authority { get; }
    public X509Certificate2 Certificate { get; }

    /// <summary>
    /// The holder of the benchmark's card: a pharmacist of the RPPS test range, the national id of the first simulated
    /// card (899700075122, valid Luhn key).
    /// </summary>
    public const string NationalId = "899700075122";

    public static BenchSoftHsm Create()
    {
        if (!File.Exists(LibraryPath)) throw new InvalidOperationException($"{LibraryPath} is missing: apt-get install -y softhsm2");
        var directory = System.IO.Directory.CreateTempSubdirectory("cps-bench-softhsm-").FullName;
        var tokens = System.IO.Directory.CreateDirectory(Path.Combine(directory, "tokens")).FullName;
        var conf = Path.Combine(directory, "softhsm2.conf");
        File.WriteAllText(conf, $"directories.tokendir = {tokens}/\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        Run(conf, "--init-token", "--free", "--label", Label, "--pin", Pin, "--so-pin", "5678");

        var authority = CreateAuthority("TEST AC IGC-SANTE FORTE PERSONNES (banc)");
        var certificate = Issue(authority);
        // The native module reads getenv() at C_Initialize: Environment.SetEnvironmentVariable does not reach it on Unix.
        if (SetEnv("SOFTHSM2_CONF", conf, 1) != 0) throw new InvalidOperationException("setenv SOFTHSM2_CONF failed");
        string serial;
        using (var library = Pkcs11CardReader.Load(LibraryPath))
        {
            var slot = library.GetSlotList(SlotsType.WithTokenPresent).Single(s => s.GetTokenInfo().Label.Trim() == Label);
            Provision(slot, certificate, authority);
            serial = slot.GetTokenInfo().SerialNumber.Trim();
        }
        return new BenchSoftHsm(directory, conf, serial, authority, certificate);
    }

    private static X509Certificate2 CreateAuthority(string commonName)
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("FR");
        name.AddOrganizationName("ASIP-SANTE");
        name.AddOrganizationalUnitName("IGC-SANTE TEST");
        name.AddCommonName(commonName);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddYears(-5), now.AddYears(10));
    }

    private static X509Certificate2 Issue(X509Certificate2 authority)
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("FR");
        name.Add("2.5.4.12", "Pharmacien");
        name.AddCommonName(NationalId);
        name.Add("2.5.4.4", "PHARMACH0007512");
        name.Add("2.5.4.42", "CAROLE");
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(authority, now.AddYears(-1), now.AddYears(2), serial);
        return issued.CopyWithPrivateKey(key);
    }

    private static void Provision(ISlot slot, X509Certificate2 certificate, X509Certificate2 authority)
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

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv(string name, string value, int overwrite);
}
