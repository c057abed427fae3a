namespace CpsSupport.Features.Documents.Models;

/// <summary>On whose behalf an F501 is filed (the holder, the structure's legal representative, or a mandatary designated by F502).</summary>
public enum DeclarantCapacity
{
    Holder,
    LegalRepresentative,
    Mandatary,
}
