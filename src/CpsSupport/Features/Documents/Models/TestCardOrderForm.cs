namespace CpsSupport.Features.Documents.Models;

/// <summary>
/// Model of <c>templates/forms/f414.liquid</c>: test cards for an integrator. Their PIN is public knowledge among
/// integrators, yet it is a PIN: like every code, it is never printed.
/// </summary>
/// <param name="Lines">Every kit of <see cref="TestCardKit"/>, with 0 for those not ordered, so the form shows them all.</param>
/// <param name="Project">The software the cards are meant to test.</param>
public sealed record TestCardOrderForm(
    string RequestNumber,
    string OrganisationName,
    string? Siret,
    DocumentPerson Contact,
    string? Project,
    IReadOnlyList<TestCardLine> Lines,
    DocumentAddress DeliveryAddress,
    DocumentSignature Signature)
{
    public int TotalCards => Lines.Sum(l => l.Quantity);
}

public sealed record TestCardLine(TestCardKit Kit, int Quantity)
{
    public bool Ordered => Quantity > 0;
}
