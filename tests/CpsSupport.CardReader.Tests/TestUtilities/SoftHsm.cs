using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CpsSupport.CardReader.Pkcs11;
using CpsSupport.Tests.TestUtilities;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace CpsSupport.CardReader.Tests.TestUtilities;

/// <summary>
/// One SoftHSM2 for the test run, in a private temp folder (own SOFTHSM2_CONF and token directory): a token per test
/// card, initialised with softhsm2-util (PIN 1234), then filled through Pkcs11Interop with the card's RSA key, its
/// certificate from a test CA made here, the CA certificate and a public CPS_ID_CARD data object. One per process:
/// SoftHSM2 reads its configuration once, at C_Initialize, and only sees the tokens that existed then.
/// </summary>
public sealed class SoftHsm
{
    public const string LibraryPath = "/usr/lib/softhsm/libsofthsm2.so";
    public const string Pin = "1234";
    private static readonly Lazy<SoftHsm> Instance = new(() => new SoftHsm());

    public static SoftHsm Shared => Instance.Value;

    public TestPki TestCa { get; } = TestPki.Test();
    public TestPki OtherCa { get; } = new("TEST AC INCONNUE", "AUTRE");
    public IPkcs11Library Library { get; }
    public string Directory { get; }
    private readonly Dictionary<string, SoftHsmCard> _cards = [];

    /// <summary>The token labelled <paramref name="label"/>: valide, opposee, expiree, autre-ac, autre-personne, code-faux.</summary>
    public SoftHsmCard this[string label] => _cards[label];

    private SoftHsm()
    {
        if (!File.Exists(LibraryPath)) throw new InvalidOperationException($"{LibraryPath} is missing: apt-get install softhsm2 (scripts/test.sh does it).");
        Directory = System.IO.Directory.CreateTempSubdirectory("cps-softhsm-").FullName;
        var tokens = System.IO.Directory.CreateDirectory(Path.Combine(Directory, "tokens")).FullName;
        var conf = Path.Combine(Directory, "softhsm2.conf");
        File.WriteAllText(conf, $"directories.tokendir = {tokens}/\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        // The native module reads getenv(): Environment.SetEnvironmentVariable does not reach it on Unix.
        if (SetEnv("SOFTHSM2_CONF", conf, 1) != 0) throw new InvalidOperationException("setenv SOFTHSM2_CONF failed");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Cleanup();

        var now = TestPki.Epoch;
        var specs = new (string Label, TestPki Ca, X500DistinguishedName Subject, DateTimeOffset From, DateTimeOffset To)[]
        {
            ("valide", TestCa, TestPki.Professional("899700075122", "PHARMACH0007512", "CAROLE", "Pharmacien"), now.AddYears(-1), now.AddYears(2)),
            ("opposee", TestCa, TestPki.Staff("3760021832/000000018", "1760021832", "EMPLOYE0000018", "PAUL", "Secrétaire médicale"), now.AddYears(-1), now.AddYears(2)),
            ("expiree", TestCa, TestPki.Professional("899700100011", "MEDECIN0010001", "JEAN", "Médecin"), now.AddYears(-3), now.AddDays(-10)),
            ("autre-ac", OtherCa, TestPki.Professional("899700100029", "INFIRMIER0010002", "LUC", "Infirmier"), now.AddYears(-1), now.AddYears(2)),
            ("autre-personne", TestCa, TestPki.Professional("899700100037", "SAGEFEMME0010003", "ALICE", "Sage-femme"), now.AddYears(-1), now.AddYears(2)),
            ("code-faux", TestCa, TestPki.Professional("899700100045", "DENTISTE0010004", "MARC", "Chirurgien-dentiste"), now.AddYears(-1), now.AddYears(2)),
        };
        foreach (var spec in specs) Run(conf, "--init-token", "--free", "--label", spec.Label, "--pin", Pin, "--so-pin", "5678");

        Library = Pkcs11CardReader.Load(LibraryPath);
        foreach (var spec in specs)
        {
            var slot = Library.GetSlotList(SlotsType.WithTokenPresent).Single(s => s.GetTokenInfo().Label.Trim() == spec.Label);
            var certificate = spec.Ca.Issue(spec.Subject, spec.From, spec.To);
            Provision(slot, certificate, spec.Ca.Certificate);
            _cards[spec.Label] = new SoftHsmCard(spec.Label, slot.SlotId, slot.GetTokenInfo().SerialNumber.Trim(), certificate);
        }
    }

    /// <summary>A reader on the shared library; <paramref name="decorate"/> puts a test double at the PKCS#11 boundary.</summary>
    public Pkcs11CardReader Reader(Func<IPkcs11Library, IPkcs11Library>? decorate = null) =>
        new(() => decorate is null ? Library : decorate(Library), LibraryPath, ownsLibrary: false);

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

    private void Cleanup()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv(string name, string value, int overwrite);
}

/// <summary>A provisioned SoftHSM2 token: its slot, its serial (the card serial the registry knows) and its certificate.</summary>
public sealed record SoftHsmCard(string Label, ulong SlotId, string Serial, X509Certificate2 Certificate);

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoftHsmCollection
{
    public const string Name = "SoftHSM2";
}
