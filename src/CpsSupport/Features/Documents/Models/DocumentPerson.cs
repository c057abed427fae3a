namespace CpsSupport.Features.Documents.Models;

/// <summary>A person as printed in an identity block (card holder, declarant, addressee).</summary>
/// <param name="Civility">« Madame », « Monsieur », or null when unknown.</param>
/// <param name="NationalId">8 + RPPS or 0 + ADELI (« identifiant national »).</param>
public sealed record DocumentPerson(
    string? Civility,
    string LastName,
    string FirstName,
    DateOnly? BirthDate = null,
    string? NationalId = null,
    string? Profession = null,
    string? Email = null,
    string? Phone = null);
