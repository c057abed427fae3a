using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CpsSupport.CardReader.Simulation;

/// <summary>
/// The simulator's test cards, one per verdict, issued at start by authorities made on the spot and labelled
/// "simulé": a simulated reading is refused by a production server and never chains to the real IGC-Santé.
/// Test card PIN: 1234.
/// </summary>
public sealed class SimulatedCards
{
    public const string Pin = "1234";

    public SimulatedCards(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        TestAuthority = Authority("TEST AC IGC-SANTE FORTE PERSONNES (simulé)", "IGC-SANTE TEST", now);
        var productionAuthority = Authority("AC IGC-SANTE FORTE PERSONNES (simulé)", "IGC-SANTE", now);
        var unknownAuthority = Authority("AC INCONNUE (simulé)", "AC NON RECONNUE", now);
        var valid = (From: now.AddYears(-1), To: now.AddYears(2));

        Cards =
        [
            Card("valide", "CPS pharmacien valide (simulé)", "Carte valide, titulaire et carte du ticket", "9000000001", "active, titulaire 899700075122",
                TestAuthority, Professional("899700075122", "PHARMACH0007512", "CAROLE", "Pharmacien"), valid),
            Card("opposee", "CPE opposée (simulé)", "Carte en opposition", "9000000002", "en opposition (Opposed)",
                TestAuthority, Staff("3760021832/000000018", "1760021832", "EMPLOYE0000018", "PAUL", "Secrétaire médicale"), valid),
            Card("expiree", "CPS médecin expirée (simulé)", "Certificat expiré", "9000000003", "expirée (Expired), titulaire 899700100011",
                TestAuthority, Professional("899700100011", "MEDECIN0010001", "JEAN", "Médecin"), (now.AddYears(-3), now.AddDays(-10))),
            Card("autre-ac", "CPS d'une autorité inconnue (simulé)", "Chaîne refusée : autre autorité", "9000000004", "active, titulaire 899700100029",
                unknownAuthority, Professional("899700100029", "INFIRMIER0010002", "LUC", "Infirmier"), valid),
            Card("autre-personne", "CPS d'une autre personne (simulé)", "Carte valide mais pas celle de la personne du ticket", "9000000005", "active, titulaire 899700100037 (autre que le ticket)",
                TestAuthority, Professional("899700100037", "SAGEFEMME0010003", "ALICE", "Sage-femme"), valid),
            Card("production", "CPS de production (simulé)", "Carte réelle présentée au serveur de test", "9000000006", "active, titulaire 899700100045",
                productionAuthority, Professional("899700100045", "DENTISTE0010004", "MARC", "Chirurgien-dentiste"), valid),
            Card("bloquee", "CPS bloquée (simulé)", "Code porteur bloqué : 3 essais épuisés", "9000000007", "bloquée (Blocked), titulaire 899700100052",
                TestAuthority, Professional("899700100052", "KINE0010005", "EMMA", "Masseur-kinésithérapeute"), valid, locked: true),
        ];
    }

    /// <summary>The simulated test authority; the demo server trusts it through CardVerification:TrustAnchorFiles.</summary>
    public X509Certificate2 TestAuthority { get; }

    public IReadOnlyList<SimulatedCard> Cards { get; }

    public SimulatedCard? Find(string key) => Cards.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));

    private static SimulatedCard Card(string name, string label, string verdict, string serial, string registry,
        X509Certificate2 authority, X500DistinguishedName subject, (DateTimeOffset From, DateTimeOffset To) validity, bool locked = false)
    {
        // EC P-256 rather than the RSA 2048 of real cards: ten RSA keys would take seconds to make at each start.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var serialBytes = RandomNumberGenerator.GetBytes(16);
        serialBytes[0] &= 0x7F;
        using var issued = request.Create(authority, validity.From, validity.To > authority.NotAfter ? authority.NotAfter : validity.To, serialBytes);
        return new SimulatedCard(name, label, verdict, serial, registry, issued.CopyWithPrivateKey(key), authority, locked);
    }

    private static X509Certificate2 Authority(string commonName, string unit, DateTimeOffset now)
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("FR");
        name.AddOrganizationName("ASIP-SANTE");
        name.AddOrganizationalUnitName(unit);
        name.AddCommonName(commonName);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddYears(-5), now.AddYears(10));
    }

    /// <summary>CN=national id+SN+GN in one multi-valued RDN, then title and C, as the IGC-Santé writes them.</summary>
    internal static X500DistinguishedName Professional(string nationalId, string lastName, string firstName, string profession) =>
        Name([[("2.5.4.6", "FR")], [("2.5.4.12", profession)], [("2.5.4.3", nationalId), ("2.5.4.4", lastName), ("2.5.4.42", firstName)]]);

    /// <summary>Staff: CN=structure id/staff number, OU=structure, names and job title.</summary>
    internal static X500DistinguishedName Staff(string staffId, string structureId, string lastName, string firstName, string job) =>
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
