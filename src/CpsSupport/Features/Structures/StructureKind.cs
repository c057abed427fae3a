namespace CpsSupport.Features.Structures;

/// <summary>The five kinds of structure of the ANS eligibility matrix (webinar of 13/09/2022).</summary>
public enum StructureKind
{
    LiberalPractice,
    HealthEstablishment,
    MedicoSocial,
    HealthDomainNoCare,
    Industrial,
}
