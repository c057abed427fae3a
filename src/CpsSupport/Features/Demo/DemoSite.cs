using CpsSupport.Features.People;
using CpsSupport.Features.Structures;

namespace CpsSupport.Features.Demo;

/// <summary>A demo structure with what its people are built from: its town, the domain of its e-mail addresses, its head.</summary>
internal sealed class DemoSite(Structure structure, DemoCity city, string mailDomain)
{
    public Structure Structure { get; } = structure;
    public DemoCity City { get; } = city;
    public string MailDomain { get; } = mailDomain;
    public Person Head => Structure.LegalRepresentative ?? throw new InvalidOperationException($"{Structure.Name} has no head yet.");

    /// <summary>Care structures order CPE/CDE cards; the others, CPA/CDA.</summary>
    public bool GivesCare => Structure.Kind is StructureKind.LiberalPractice or StructureKind.HealthEstablishment or StructureKind.MedicoSocial;

    /// <summary>How the head files a staff card order: TOPS for a liberal practice, otherwise the F301 form.</summary>
    public string StaffOrderChannel => Structure.Kind == StructureKind.LiberalPractice ? "TOPS" : "F301";
}
