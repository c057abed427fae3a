using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using CpsSupport.Features.Identifiers;

namespace CpsSupport.Features.CardVerification;

/// <summary>
/// The holder as the IGC-Santé writes her in the certificate subject. Health professionals:
/// <c>CN=899700075122+SN=PHARMACH0007512+GN=CAROLE, title=Pharmacien, C=FR</c> (CN = 8+RPPS or 0+ADELI).
/// Staff (CPE/CPA/CDE/CDA): <c>CN=3760021832/000000018, OU=1760021832</c> (structure id / staff number).
/// </summary>
public sealed partial record CardSubject(
    string? CommonName,
    string? LastName,
    string? FirstName,
    string? Title,
    string? OrganizationalUnit,
    string? Organization,
    string? Country)
{
    /// <summary>8+RPPS or 0+ADELI when the CN is a valid national id.</summary>
    public NationalId? NationalId => Identifiers.NationalId.TryParse(CommonName, out var id) ? id : null;

    /// <summary>The whole CN of a staff card ("3760021832/000000018"); null for a health professional.</summary>
    public string? StaffId => CommonName is { } cn && StaffCn().IsMatch(cn) ? cn : null;

    /// <summary>The structure part of a staff id ("3760021832"), else the OU when it is a structure id.</summary>
    public string? StructureId =>
        StaffId is { } staff ? staff[..staff.IndexOf('/', StringComparison.Ordinal)]
        : OrganizationalUnit is { } ou && StructureIdPattern().IsMatch(ou) ? ou : null;

    /// <summary>Reads the subject, multi-valued RDNs included (CN+SN+GN), which X500DistinguishedName does not split.</summary>
    public static CardSubject Parse(X500DistinguishedName name)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var reader = new AsnReader(name.RawData, AsnEncodingRules.DER);
            var rdns = reader.ReadSequence();
            while (rdns.HasData)
            {
                var set = rdns.ReadSetOf(skipSortOrderValidation: true);
                while (set.HasData)
                {
                    var attribute = set.ReadSequence();
                    var oid = attribute.ReadObjectIdentifier();
                    var value = ReadString(attribute);
                    if (value is not null) values.TryAdd(oid, value.Trim());
                }
            }
        }
        catch (AsnContentException)
        {
            // An unreadable subject leaves every field empty: the verdict reports an unreadable identity.
        }

        return new CardSubject(
            values.GetValueOrDefault("2.5.4.3"),
            values.GetValueOrDefault("2.5.4.4"),
            values.GetValueOrDefault("2.5.4.42"),
            values.GetValueOrDefault("2.5.4.12"),
            values.GetValueOrDefault("2.5.4.11"),
            values.GetValueOrDefault("2.5.4.10"),
            values.GetValueOrDefault("2.5.4.6"));
    }

    private static string? ReadString(AsnReader attribute)
    {
        var tag = attribute.PeekTag();
        if (tag.TagClass != TagClass.Universal) { attribute.ReadEncodedValue(); return null; }
        return (UniversalTagNumber)tag.TagValue switch
        {
            UniversalTagNumber.UTF8String or UniversalTagNumber.PrintableString or UniversalTagNumber.IA5String
                or UniversalTagNumber.BMPString or UniversalTagNumber.T61String or UniversalTagNumber.VisibleString
                => attribute.ReadCharacterString((UniversalTagNumber)tag.TagValue),
            _ => Skip(attribute),
        };
    }

    private static string? Skip(AsnReader reader)
    {
        reader.ReadEncodedValue();
        return null;
    }

    [GeneratedRegex(@"^\d{10,15}/\w{1,20}$")]
    private static partial Regex StaffCn();

    [GeneratedRegex(@"^\d{10,15}$")]
    private static partial Regex StructureIdPattern();
}
