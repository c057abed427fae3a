using CpsSupport.Features.Structures;

namespace CpsSupport.Features.People;

public sealed record PersonQuery(string? Search = null);

public sealed record PersonRow(Guid Id, string FullName, NationalIdKind NationalIdKind, string? NationalId, string? Profession, string? Email);

public sealed record PersonDetail(
    Guid Id, string FirstName, string LastName, NationalIdKind NationalIdKind, string? NationalId,
    string? Profession, string? Email, string? Phone, Address CorrespondenceAddress,
    /// <summary>Since when mail to <see cref="Email"/> comes back (a delivery report received); null when it is not known to fail.</summary>
    DateTimeOffset? EmailFailingAt = null);
