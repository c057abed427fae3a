using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace CpsSupport.Features.CardVerification;

/// <summary>
/// The configured trust material, read once from its files: IGC-Santé roots, intermediate authorities and CRLs.
/// A missing or unreadable file is a configuration error and fails loudly rather than trusting less silently.
/// </summary>
public sealed class CardTrustStore
{
    private readonly Lazy<Material> _material;

    public CardTrustStore(IOptions<CardVerificationOptions> options)
    {
        var value = options.Value;
        _material = new Lazy<Material>(() => Load(value));
    }

    public X509Certificate2Collection Anchors => _material.Value.Anchors;
    public X509Certificate2Collection Intermediates => _material.Value.Intermediates;
    public IReadOnlyList<CertificateRevocationList> Crls => _material.Value.Crls;

    private static Material Load(CardVerificationOptions options)
    {
        var anchors = new X509Certificate2Collection();
        foreach (var file in options.TrustAnchorFiles) anchors.AddRange(ReadCertificates(file));
        var intermediates = new X509Certificate2Collection();
        foreach (var file in options.IntermediateFiles) intermediates.AddRange(ReadCertificates(file));
        var crls = options.CrlFiles.Select(file => CertificateRevocationList.Load(File.ReadAllBytes(file))).ToList();
        return new Material(anchors, intermediates, crls);
    }

    private static X509Certificate2Collection ReadCertificates(string file)
    {
        var collection = new X509Certificate2Collection();
        var bytes = File.ReadAllBytes(file);
        if (bytes.Length > 0 && bytes[0] == 0x30) collection.Add(X509CertificateLoader.LoadCertificate(bytes));
        else collection.ImportFromPem(System.Text.Encoding.ASCII.GetString(bytes));
        if (collection.Count == 0) throw new InvalidOperationException($"Aucun certificat dans {file}.");
        return collection;
    }

    private sealed record Material(X509Certificate2Collection Anchors, X509Certificate2Collection Intermediates, IReadOnlyList<CertificateRevocationList> Crls);
}
