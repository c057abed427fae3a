namespace CpsSupport.Features.Demo;

/// <summary>
/// A real French town of the demo data set with its postal code and department.
/// <paramref name="OfDepartment"/> is the department with its preposition ("de Maine-et-Loire", "du Finistère");
/// <paramref name="PhonePrefix"/> the first digits of its landline numbers ("02", "0262" in La Réunion).
/// </summary>
internal sealed record DemoCity(
    string Name,
    string PostalCode,
    string Department,
    string OfDepartment,
    string PhonePrefix,
    bool HasUniversityHospital = false)
{
    public bool IsCorsican => Department is "2A" or "2B";

    public bool IsOverseas => Department.Length == 3;

    /// <summary>"de Nantes", "d'Angers", "du Mans", "des Sables-d'Olonne": the city after "Centre hospitalier".</summary>
    public string Of => DemoText.Of(Name);
}
