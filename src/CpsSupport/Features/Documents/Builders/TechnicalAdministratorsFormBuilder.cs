using CpsSupport.Features.Documents.Models;

namespace CpsSupport.Features.Documents.Builders;

/// <summary>F503 from a request: details <c>declarantCapacity, declarant{}, administrators[{action, function, …person}]</c>.</summary>
public static class TechnicalAdministratorsFormBuilder
{
    public static TechnicalAdministratorsForm Build(DocumentSource source)
    {
        var d = source.Details;
        var declarant = DocumentMapping.StructureDeclarant(source);
        var lines = d.Objects("administrators")
            .Select(line => new TechnicalAdministratorLine(
                line.Choice<DesignationAction>("action") ?? DesignationAction.Designate,
                DocumentMapping.Person(line) ?? new DocumentPerson(null, "", ""),
                line.Text("function")))
            .ToList();
        return new TechnicalAdministratorsForm(
            source.Reference,
            DocumentMapping.Structure(source.Structure) ?? new DocumentStructure("", null, null),
            d.Choice<DeclarantCapacity>("declarantCapacity") ?? DeclarantCapacity.LegalRepresentative,
            declarant,
            lines,
            DocumentMapping.Signature(source, declarant));
    }
}
