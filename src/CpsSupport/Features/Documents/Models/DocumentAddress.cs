namespace CpsSupport.Features.Documents.Models;

/// <summary>A French postal address as printed in an address block (AFNOR NF Z10-011 order).</summary>
/// <param name="Recipient">First line when it differs from the person (a structure, « Service du personnel »).</param>
public sealed record DocumentAddress(
    string? Recipient,
    string Line1,
    string? Line2,
    string PostalCode,
    string City,
    string Country = "France");
