using CpsSupport.Features.Documents.Models;

namespace CpsSupport.Features.Documents.Builders;

/// <summary>F502 from a request: details <c>legalRepresentative{}</c> (else the structure's), <c>mandataries[{action, effectiveOn, …person}]</c>.</summary>
public static class MandataryDesignationFormBuilder
{
    public static MandataryDesignationForm Build(DocumentSource source)
    {
        var d = source.Details;
        var representative = DocumentMapping.PersonOf(d.Object("legalRepresentative"), source.Structure?.LegalRepresentative);
        var lines = d.Objects("mandataries")
            .Select(line => new MandataryLine(
                line.Choice<DesignationAction>("action") ?? DesignationAction.Designate,
                DocumentMapping.Person(line) ?? new DocumentPerson(null, "", ""),
                line.Date("effectiveOn")))
            .ToList();
        return new MandataryDesignationForm(
            source.Reference,
            DocumentMapping.Structure(source.Structure) ?? new DocumentStructure("", null, null),
            representative,
            lines,
            DocumentMapping.Signature(source, representative));
    }
}
