using System.Security.Cryptography.X509Certificates;
using CpsSupport.CardReader.Pkcs11;
using CpsSupport.CardReader.Tests.TestUtilities;
using CpsSupport.Tests.TestUtilities;
using Net.Pkcs11Interop.Common;

namespace CpsSupport.Bench.Features.CardVerification;

/// <summary>
/// A SoftHSM2 token in a private temp folder (own SOFTHSM2_CONF), provisioned with the module tests' own code
/// (<see cref="SoftHsmTokens"/>, <see cref="TestPki"/>, linked from tests/): an RSA 2048 authentication key, its
/// certificate issued by a test authority made here ("TEST AC IGC-SANTE …", so a test card), the authority's
/// certificate and a public CPS_ID_CARD data object. The library is finalised before the module process opens the token.
/// </summary>
public sealed class BenchSoftHsm : IDisposable
{
    public const string LibraryPath = SoftHsmTokens.LibraryPath;
    public const string Pin = SoftHsmTokens.Pin;
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
        var directory = System.IO.Directory.CreateTempSubdirectory("cps-bench-softhsm-").FullName;
        var conf = SoftHsmTokens.CreateConfig(directory);
        SoftHsmTokens.InitToken(conf, Label);

        var authority = new TestPki("TEST AC IGC-SANTE FORTE PERSONNES (banc)");
        var now = DateTimeOffset.UtcNow;
        var certificate = authority.Issue(TestPki.Professional(NationalId, "PHARMACH0007512", "CAROLE", "Pharmacien"), now.AddYears(-1), now.AddYears(2));
        SoftHsmTokens.UseConfig(conf);
        string serial;
        using (var library = Pkcs11CardReader.Load(LibraryPath))
        {
            var slot = library.GetSlotList(SlotsType.WithTokenPresent).Single(s => s.GetTokenInfo().Label.Trim() == Label);
            SoftHsmTokens.Provision(slot, certificate, authority.Certificate);
            serial = slot.GetTokenInfo().SerialNumber.Trim();
        }
        return new BenchSoftHsm(directory, conf, serial, authority.Certificate, certificate);
    }

    public void Dispose() => SoftHsmTokens.Delete(Directory);
}
