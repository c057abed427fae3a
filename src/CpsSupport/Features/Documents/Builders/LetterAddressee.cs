using CpsSupport.Features.Documents.Models;

namespace CpsSupport.Features.Documents.Builders;

/// <summary>To whom a letter goes, and where: the declarant of a structure's request at the structure, else the person concerned at home.</summary>
public sealed record LetterAddressee(DocumentPerson Recipient, DocumentAddress Address, DocumentStructure? Structure)
{
    public static LetterAddressee Of(DocumentSource source)
    {
        var structure = DocumentMapping.Structure(source.Structure);
        var atStructure = DocumentMapping.Address(source.Structure?.CorrespondenceAddress, source.Structure?.Name);
        if (DocumentMapping.Person(source.Details.Object("declarant")) is { } declarant)
        {
            return new LetterAddressee(declarant, atStructure ?? DocumentMapping.Blank, structure);
        }

        if (source.Person is { } person)
        {
            var home = DocumentMapping.Address(person.CorrespondenceAddress) ?? atStructure ?? DocumentMapping.Blank;
            return new LetterAddressee(DocumentMapping.Person(person), home, structure);
        }

        if (source.Structure?.LegalRepresentative is { } head)
        {
            return new LetterAddressee(DocumentMapping.Person(head), atStructure ?? DocumentMapping.Blank, structure);
        }

        var requester = source.Ticket?.RequesterName ?? "";
        return new LetterAddressee(new DocumentPerson(null, requester, ""), atStructure ?? DocumentMapping.Blank, structure);
    }
}
