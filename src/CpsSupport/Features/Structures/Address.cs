namespace CpsSupport.Features.Structures;

/// <summary>A French postal address, stored inline with its owner.</summary>
public sealed class Address
{
    public string Line1 { get; set; } = "";
    public string? Line2 { get; set; }
    public string PostalCode { get; set; } = "";
    public string City { get; set; } = "";
    public string Country { get; set; } = "France";

    public override string ToString() =>
        string.Join(", ", new[] { Line1, Line2, $"{PostalCode} {City}".Trim() }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
