using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CpsSupport.Tests.TestUtilities;

/// <summary>
/// Certificate authorities and card certificates made by the tests with <see cref="CertificateRequest"/>, shaped like
/// the IGC-Santé ones: CN=national id+SN+GN in one RDN, title, C=FR; test authorities say "TEST" in their names.
/// </summary>
public sealed class TestPki
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public TestPki(string commonName, string unit = "IGC-SANTE TEST")
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("FR");
        name.AddOrganizationName("ASIP-SANTE");
        name.AddOrganizationalUnitName(unit);
        name.AddCommonName(commonName);
        Key = RSA.Create(2048);
        var request = new CertificateRequest(name.Build(), Key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Certificate = request.CreateSelfSigned(Epoch.AddYears(-10), Epoch.AddYears(10));
    }

    public static TestPki Test() => new("TEST AC IGC-SANTE FORTE PERSONNES");

    public static TestPki Production() => new("AC IGC-SANTE FORTE PERSONNES", "IGC-SANTE");

    public RSA Key { get; }

    /// <summary>The authority's certificate (with its private key).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>An authentication certificate (digital signature, no non-repudiation) with its private key.</summary>
    public X509Certificate2 Issue(X500DistinguishedName subject, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, BigInteger? serial = null)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var serialBytes = (serial ?? new BigInteger(RandomNumberGenerator.GetBytes(15), isUnsigned: true)).ToByteArray(isUnsigned: false, isBigEndian: true);
        using var issued = request.Create(Certificate, notBefore ?? Epoch.AddYears(-1), notAfter ?? Epoch.AddYears(2), serialBytes);
        return issued.CopyWithPrivateKey(rsa);
    }

    /// <summary>A CRL of this authority listing <paramref name="revoked"/>.</summary>
    public byte[] Crl(DateTimeOffset thisUpdate, DateTimeOffset nextUpdate, params X509Certificate2[] revoked)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var certificate in revoked) builder.AddEntry(certificate, thisUpdate.AddDays(-1));
        return builder.Build(Certificate, BigInteger.One, nextUpdate, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, thisUpdate);
    }

    /// <summary>The PEM of the authority in a temp file, as configured in CardVerification:TrustAnchorFiles.</summary>
    public string WritePem(string directory)
    {
        var file = Path.Combine(directory, $"{Guid.NewGuid():N}.pem");
        File.WriteAllText(file, Certificate.ExportCertificatePem());
        return file;
    }

    public static X500DistinguishedName Professional(string nationalId, string lastName, string firstName, string profession) =>
        Name([[("2.5.4.6", "FR")], [("2.5.4.12", profession)], [("2.5.4.3", nationalId), ("2.5.4.4", lastName), ("2.5.4.42", firstName)]]);

    public static X500DistinguishedName Staff(string staffId, string structureId, string lastName, string firstName, string job) =>
        Name([[("2.5.4.6", "FR")], [("2.5.4.11", structureId)], [("2.5.4.12", job)], [("2.5.4.3", staffId), ("2.5.4.4", lastName), ("2.5.4.42", firstName)]]);

    private static X500DistinguishedName Name(IEnumerable<(string Oid, string Value)[]> rdns)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            foreach (var rdn in rdns)
            {
                using (writer.PushSetOf())
                {
                    foreach (var (oid, value) in rdn)
                    {
                        using (writer.PushSequence())
                        {
                            writer.WriteObjectIdentifier(oid);
                            writer.WriteCharacterString(oid == "2.5.4.6" ? UniversalTagNumber.PrintableString : UniversalTagNumber.UTF8String, value);
                        }
                    }
                }
            }
        }
        return new X500DistinguishedName(writer.Encode());
    }
}
