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
    public const string LibraryPath = SoftHsmTokens.LibraryPath;
    public const string Pin = SoftHsmTokens.Pin;
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
        Directory = System.IO.Directory.CreateTempSubdirectory("cps-softhsm-").FullName;
        var conf = SoftHsmTokens.CreateConfig(Directory);
        SoftHsmTokens.UseConfig(conf);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => SoftHsmTokens.Delete(Directory);

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
        foreach (var spec in specs) SoftHsmTokens.InitToken(conf, spec.Label);

        Library = Pkcs11CardReader.Load(LibraryPath);
        foreach (var spec in specs)
        {
            var slot = Library.GetSlotList(SlotsType.WithTokenPresent).Single(s => s.GetTokenInfo().Label.Trim() == spec.Label);
            var certificate = spec.Ca.Issue(spec.Subject, spec.From, spec.To);
            SoftHsmTokens.Provision(slot, certificate, spec.Ca.Certificate);
            _cards[spec.Label] = new SoftHsmCard(spec.Label, slot.SlotId, slot.GetTokenInfo().SerialNumber.Trim(), certificate);
        }
    }

    /// <summary>A reader on the shared library; <paramref name="decorate"/> puts a test double at the PKCS#11 boundary.</summary>
    public Pkcs11CardReader Reader(Func<IPkcs11Library, IPkcs11Library>? decorate = null) =>
        new(() => decorate is null ? Library : decorate(Library), LibraryPath, ownsLibrary: false);
}

/// <summary>A provisioned SoftHSM2 token: its slot, its serial (the card serial the registry knows) and its certificate.</summary>
public sealed record SoftHsmCard(string Label, ulong SlotId, string Serial, X509Certificate2 Certificate);

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoftHsmCollection
{
    public const string Name = "SoftHSM2";
}
