namespace CpsSupport.Features.Documents.Models;

/// <summary>The test card kits an integrator may order with F414.</summary>
public enum TestCardKit
{
    CpsDoctor,
    CpsNurse,
    CpsPharmacist,
    Cpe,
    CpeOpposed,
    Cpa,
    Cde,
}
