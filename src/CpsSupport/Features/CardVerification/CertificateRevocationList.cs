using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CpsSupport.Features.CardVerification;

/// <summary>
/// An X.509 CRL (RFC 5280) read from a file. .NET builds CRLs (CertificateRevocationListBuilder) but neither lists
/// their entries nor checks a chain against a CRL file on Linux without its system cache, so the few fields needed
/// are read here with System.Formats.Asn1 and the signature is checked against the issuing authority.
/// </summary>
public sealed class CertificateRevocationList
{
    private readonly Dictionary<BigInteger, DateTimeOffset> _revoked;
    private readonly byte[] _tbs;
    private readonly string _signatureAlgorithm;
    private readonly byte[] _signature;

    private CertificateRevocationList(X500DistinguishedName issuer, DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate,
        Dictionary<BigInteger, DateTimeOffset> revoked, byte[] tbs, string signatureAlgorithm, byte[] signature)
    {
        Issuer = issuer;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
        _revoked = revoked;
        _tbs = tbs;
        _signatureAlgorithm = signatureAlgorithm;
        _signature = signature;
    }

    public X500DistinguishedName Issuer { get; }
    public DateTimeOffset ThisUpdate { get; }
    public DateTimeOffset? NextUpdate { get; }
    public int Count => _revoked.Count;

    /// <summary>Reads a DER or PEM ("-----BEGIN X509 CRL-----") CRL.</summary>
    /// <exception cref="CryptographicException">The data is not a CRL.</exception>
    public static CertificateRevocationList Load(byte[] data)
    {
        var der = data;
        if (data.Length > 0 && data[0] != 0x30)
        {
            var text = System.Text.Encoding.ASCII.GetString(data);
            var fields = PemEncoding.Find(text);
            der = Convert.FromBase64String(text[fields.Base64Data]);
        }

        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            var tbs = outer.ReadEncodedValue().ToArray();
            var algorithm = outer.ReadSequence().ReadObjectIdentifier();
            var signature = outer.ReadBitString(out _);

            var body = new AsnReader(tbs, AsnEncodingRules.DER).ReadSequence();
            if (body.PeekTag().HasSameClassAndValue(Asn1Tag.Integer)) body.ReadInteger();
            body.ReadSequence();
            var issuer = new X500DistinguishedName(body.ReadEncodedValue().Span);
            var thisUpdate = ReadTime(body);
            DateTimeOffset? nextUpdate = body.HasData && IsTime(body.PeekTag()) ? ReadTime(body) : null;
            var revoked = new Dictionary<BigInteger, DateTimeOffset>();
            if (body.HasData && body.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                var entries = body.ReadSequence();
                while (entries.HasData)
                {
                    var entry = entries.ReadSequence();
                    var serial = entry.ReadInteger();
                    revoked[serial] = ReadTime(entry);
                }
            }
            return new CertificateRevocationList(issuer, thisUpdate, nextUpdate, revoked, tbs, algorithm, signature);
        }
        catch (AsnContentException e)
        {
            throw new CryptographicException("Liste de révocation illisible.", e);
        }
    }

    /// <summary>True when the CRL was signed by <paramref name="authority"/> (same name, valid signature).</summary>
    public bool IsSignedBy(X509Certificate2 authority)
    {
        if (!authority.SubjectName.RawData.AsSpan().SequenceEqual(Issuer.RawData)) return false;
        HashAlgorithmName? hash = _signatureAlgorithm switch
        {
            "1.2.840.113549.1.1.11" or "1.2.840.10045.4.3.2" => HashAlgorithmName.SHA256,
            "1.2.840.113549.1.1.12" or "1.2.840.10045.4.3.3" => HashAlgorithmName.SHA384,
            "1.2.840.113549.1.1.13" or "1.2.840.10045.4.3.4" => HashAlgorithmName.SHA512,
            "1.2.840.113549.1.1.5" => HashAlgorithmName.SHA1,
            _ => null,
        };
        if (hash is null) return false;
        if (_signatureAlgorithm.StartsWith("1.2.840.113549", StringComparison.Ordinal))
        {
            using var rsa = authority.GetRSAPublicKey();
            return rsa is not null && rsa.VerifyData(_tbs, _signature, hash.Value, RSASignaturePadding.Pkcs1);
        }
        using var ec = authority.GetECDsaPublicKey();
        return ec is not null && ec.VerifyData(_tbs, _signature, hash.Value, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <summary>The revocation date of <paramref name="certificate"/> when this CRL lists it.</summary>
    public DateTimeOffset? RevokedAt(X509Certificate2 certificate) =>
        certificate.IssuerName.RawData.AsSpan().SequenceEqual(Issuer.RawData)
        && _revoked.TryGetValue(new BigInteger(certificate.SerialNumberBytes.Span, isUnsigned: false, isBigEndian: true), out var at)
            ? at
            : null;

    private static bool IsTime(Asn1Tag tag) =>
        tag.HasSameClassAndValue(Asn1Tag.UtcTime) || tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime);

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();
}
