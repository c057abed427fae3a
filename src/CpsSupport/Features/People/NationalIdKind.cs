namespace CpsSupport.Features.People;

/// <summary>How a person is identified nationally: 8+RPPS, 0+ADELI, or not at all (staff).</summary>
public enum NationalIdKind
{
    None,
    Rpps,
    Adeli,
}
