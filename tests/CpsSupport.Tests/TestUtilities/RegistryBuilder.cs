using CpsSupport.Data;
using CpsSupport.Features.Cards;
using CpsSupport.Features.People;
using CpsSupport.Features.Structures;

namespace CpsSupport.Tests.TestUtilities;

/// <summary>Builds small registries for tests: structures with a head, mandataries, staff and cards.</summary>
public sealed class RegistryBuilder(CpsDbContext db)
{
    private static int _serial = 1000;

    public Structure Structure(string name, StructureKind kind = StructureKind.HealthEstablishment, string? finess = null, string? siret = null)
    {
        var structure = new Structure
        {
            Name = name,
            Kind = kind,
            Finess = finess,
            Siret = siret,
            DeliveryAddress = new Address { Line1 = "1 place de la Mairie", PostalCode = "75001", City = "Paris" },
            CorrespondenceAddress = new Address { Line1 = "1 place de la Mairie", PostalCode = "75001", City = "Paris" },
        };
        db.Structures.Add(structure);
        return structure;
    }

    public Person Person(string firstName, string lastName, string? nationalId = null, string? profession = null)
    {
        var person = new Person
        {
            FirstName = firstName,
            LastName = lastName,
            NationalId = nationalId,
            NationalIdKind = nationalId switch { ['8', ..] => NationalIdKind.Rpps, ['0', ..] => NationalIdKind.Adeli, _ => NationalIdKind.None },
            Profession = profession,
            Email = $"{firstName}.{lastName}@example.test".ToLowerInvariant(),
        };
        db.People.Add(person);
        return person;
    }

    public Card Card(Person holder, Structure? structure, CardType type = CardType.Cpe, CardStatus status = CardStatus.Active, string? serial = null)
    {
        var card = new Card
        {
            SerialNumber = serial ?? $"99{Interlocked.Increment(ref _serial):D8}",
            Holder = holder,
            Structure = structure,
            Type = type,
            Status = status,
            ValidFrom = new DateOnly(2025, 1, 1),
            ValidUntil = new DateOnly(2028, 1, 1),
        };
        db.Cards.Add(card);
        return card;
    }

    public Mandate Mandate(Structure structure, Person person, DateOnly startsOn, DateOnly? endsOn = null)
    {
        var mandate = new Mandate { Structure = structure, Person = person, StartsOn = startsOn, EndsOn = endsOn };
        db.Mandates.Add(mandate);
        return mandate;
    }

    public Task SaveAsync() => db.SaveChangesAsync();
}
