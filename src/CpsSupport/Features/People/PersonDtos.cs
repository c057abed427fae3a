using CpsSupport.Features.Structures;

namespace CpsSupport.Features.People;

public sealed record PersonQuery(string? Search = null);

public sealed record PersonRow(Guid Id, string FullName, NationalIdKind NationalIdKind, string? NationalId, string? Profession, string? Email);

public sealed record PersonDetail(
    Guid Id, string FirstName, string LastName, NationalIdKind NationalIdKind, string? NationalId,
    string? Profession, string? Email, string? Phone, Address CorrespondenceAddress);
