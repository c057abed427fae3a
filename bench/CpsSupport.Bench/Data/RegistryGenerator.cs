using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Identifiers;
using CpsSupport.Features.People;
using CpsSupport.Features.Structures;

namespace CpsSupport.Bench.Data;

/// <summary>
/// Builds a registry shaped like the national one: a few large hospitals hold most staff cards, many small
/// practices hold one to five, common surnames are far more frequent than rare ones, older cards have expired.
/// The same seed and size give the same rows, ids included, so figures of two runs compare.
/// </summary>
public sealed class RegistryGenerator
{
    /// <summary>The "today" of the data: the date of the reference run.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private static readonly string[] EmailDomains = ["sante.exemple.fr", "cabinet.exemple.fr", "chu.exemple.fr", "mail.exemple.fr"];

    private readonly Random _rng;
    private readonly RegistrySize _size;
    private readonly double[] _lastNameCumulative;

    private RegistryGenerator(RegistrySize size, int seed)
    {
        _size = size;
        _rng = new Random(seed);
        // Rank-frequency (Zipf-like) weights: "Martin" about 2 % of people, the rarest names about 0.2 %.
        _lastNameCumulative = Cumulative(FrenchSamples.LastNames.Select((_, rank) => 1.0 / (rank + 20)).ToArray());
    }

    public static GeneratedRegistry Generate(RegistrySize size, int seed) => new RegistryGenerator(size, seed).Run();

    private GeneratedRegistry Run()
    {
        var people = GeneratePeople();
        var (structures, cardWeights) = GenerateStructures(people);
        var mandates = GenerateMandates(structures, people);
        var (cards, events) = GenerateCards(people, structures, cardWeights);
        EnsureValidIdentifiers(people, structures);
        return new GeneratedRegistry(people, structures, mandates, cards, events);
    }

    /// <summary>Every identifier passes the application's own validation, so lookups behave as on real data.</summary>
    private static void EnsureValidIdentifiers(List<Person> people, List<Structure> structures)
    {
        var invalid = people.Where(p => p.NationalId is not null).Select(p => IdentifierValidator.ValidateNationalId(p.NationalId))
            .Concat(structures.Where(s => s.Finess is not null).Select(s => IdentifierValidator.ValidateFiness(s.Finess)))
            .Concat(structures.Where(s => s.Siren is not null).Select(s => IdentifierValidator.ValidateSiren(s.Siren)))
            .Concat(structures.Where(s => s.Siret is not null).Select(s => IdentifierValidator.ValidateSiret(s.Siret)))
            .FirstOrDefault(check => !check.IsValid);
        if (invalid.Error is { } error) throw new InvalidOperationException($"Generated an invalid identifier: {error}");
    }

    private List<Person> GeneratePeople()
    {
        var people = new List<Person>(_size.People);
        for (var i = 0; i < _size.People; i++)
        {
            var roll = _rng.NextDouble();
            var kind = roll < 0.72 ? NationalIdKind.Rpps : roll < 0.82 ? NationalIdKind.Adeli : NationalIdKind.None;
            var lastName = FrenchSamples.LastNames[Pick(_lastNameCumulative)];
            var firstName = Pick(FrenchSamples.FirstNames);
            var (city, postalCode) = Pick(FrenchSamples.Cities);
            var created = Now.AddDays(-_rng.Next(30, 3650)).AddMinutes(_rng.Next(0, 600));
            people.Add(new Person
            {
                Id = NextId(created),
                NationalIdKind = kind,
                NationalId = kind switch
                {
                    NationalIdKind.Rpps => "8" + Rpps.Create(1_000_000_000L + i),
                    NationalIdKind.Adeli => "0" + Adeli.Create(100_000_000 + i),
                    _ => null,
                },
                LastName = lastName,
                FirstName = firstName,
                Profession = kind switch
                {
                    NationalIdKind.Rpps => Pick(FrenchSamples.RppsProfessions),
                    NationalIdKind.Adeli => Pick(FrenchSamples.AdeliProfessions),
                    _ => Pick(FrenchSamples.StaffJobs),
                },
                Email = _rng.NextDouble() < 0.85
                    ? $"{Ascii(firstName)}.{Ascii(lastName)}{(_rng.NextDouble() < 0.5 ? _rng.Next(1, 100).ToString(CultureInfo.InvariantCulture) : "")}@{Pick(EmailDomains)}"
                    : null,
                Phone = _rng.NextDouble() < 0.7
                    ? $"0{_rng.Next(1, 8)} {_rng.Next(100):D2} {_rng.Next(100):D2} {_rng.Next(100):D2} {_rng.Next(100):D2}"
                    : null,
                CorrespondenceAddress = new Address { Line1 = Street(), PostalCode = postalCode, City = city },
                CreatedAt = created,
                UpdatedAt = created,
            });
        }
        return people;
    }

    /// <summary>Structures, and for each the relative number of cards its staff hold.</summary>
    private (List<Structure> Structures, double[] CardWeights) GenerateStructures(List<Person> people)
    {
        var structures = new List<Structure>(_size.Structures);
        var weights = new double[_size.Structures];
        for (var j = 0; j < _size.Structures; j++)
        {
            var roll = _rng.NextDouble();
            var kind = roll switch
            {
                < 0.55 => StructureKind.LiberalPractice,
                < 0.63 => StructureKind.HealthEstablishment,
                < 0.88 => StructureKind.MedicoSocial,
                < 0.96 => StructureKind.HealthDomainNoCare,
                _ => StructureKind.Industrial,
            };
            var (city, postalCode) = Pick(FrenchSamples.Cities);
            var theme = Pick(FrenchSamples.Themes);
            var name = kind switch
            {
                StructureKind.LiberalPractice => Pick(["Cabinet médical ", "Cabinet infirmier ", "Pharmacie ", "Maison de santé ", "Cabinet dentaire "]) + theme,
                StructureKind.HealthEstablishment => _rng.NextDouble() < 0.3 ? $"Centre hospitalier {Of(city)}" : Pick(["Clinique ", "Hôpital privé ", "Polyclinique "]) + theme,
                StructureKind.MedicoSocial => Pick(["EHPAD ", "Foyer d'accueil médicalisé ", "Institut médico-éducatif ", "SSIAD "]) + theme,
                StructureKind.HealthDomainNoCare => Pick(["Mutuelle ", "Centre de gestion ", "Laboratoire d'analyses "]) + theme,
                _ => theme + Pick([" Médical SAS", " Santé Industrie", " Pharma"]),
            };
            var hasFiness = kind is StructureKind.HealthEstablishment or StructureKind.MedicoSocial
                || (kind == StructureKind.LiberalPractice && _rng.NextDouble() < 0.2);
            var siren = _rng.NextDouble() < 0.9 ? Siren.Create(30_000_000 + j) : null;
            var created = Now.AddDays(-_rng.Next(400, 5000));
            var representative = kind == StructureKind.LiberalPractice
                ? PickPerson(people, p => p.NationalIdKind == NationalIdKind.Rpps)
                : PickPerson(people, _ => true);
            var address = new Address { Line1 = Street(), PostalCode = postalCode, City = city };
            structures.Add(new Structure
            {
                Id = NextId(created),
                Kind = kind,
                Name = name,
                Finess = hasFiness ? FinessFor(postalCode, j) : null,
                Siren = siren,
                Siret = siren is null ? null : Siret.Create(siren, _rng.Next(1, 30)),
                DeliveryAddress = address,
                CorrespondenceAddress = _rng.NextDouble() < 0.8
                    ? new Address { Line1 = address.Line1, PostalCode = postalCode, City = city }
                    : new Address { Line1 = "BP " + _rng.Next(1, 999).ToString(CultureInfo.InvariantCulture), PostalCode = postalCode, City = city },
                HasMembershipContract = _rng.NextDouble() < 0.7,
                LegalRepresentativeId = representative.Id,
                CreatedAt = created,
                UpdatedAt = created,
            });
            weights[j] = kind switch
            {
                StructureKind.LiberalPractice => _rng.Next(1, 6),
                // Pareto tail: most establishments hold tens of cards, university hospitals thousands.
                StructureKind.HealthEstablishment => Math.Min(3000, 15 / Math.Pow(1 - _rng.NextDouble(), 1 / 1.3)),
                StructureKind.MedicoSocial => _rng.Next(2, 15),
                _ => _rng.Next(2, 9),
            };
        }
        return (structures, weights);
    }

    private List<Mandate> GenerateMandates(List<Structure> structures, List<Person> people)
    {
        var mandates = new List<Mandate>();
        foreach (var structure in structures)
        {
            var running = structure.Kind == StructureKind.LiberalPractice ? 0.05 : 0.7;
            if (_rng.NextDouble() < running)
                mandates.Add(NewMandate(structure, people, Today.AddDays(-_rng.Next(30, 2000)), null));
            if (structure.Kind != StructureKind.LiberalPractice && _rng.NextDouble() < 0.25)
            {
                var starts = Today.AddDays(-_rng.Next(2100, 4000));
                mandates.Add(NewMandate(structure, people, starts, starts.AddDays(_rng.Next(90, 2000))));
            }
        }
        return mandates;
    }

    private Mandate NewMandate(Structure structure, List<Person> people, DateOnly startsOn, DateOnly? endsOn)
    {
        var created = new DateTimeOffset(startsOn.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        return new Mandate
        {
            Id = NextId(created),
            StructureId = structure.Id,
            PersonId = PickPerson(people, _ => true).Id,
            StartsOn = startsOn,
            EndsOn = endsOn,
            CreatedAt = created,
            UpdatedAt = created,
        };
    }

    private (List<Card> Cards, List<CardEvent> Events) GenerateCards(List<Person> people, List<Structure> structures, double[] weights)
    {
        // 85 % of people hold a current card; the other cards are earlier ones of the same people, now ended.
        var order = Enumerable.Range(0, people.Count).ToArray();
        _rng.Shuffle(order);
        var current = Math.Min(_size.Cards, (int)(people.Count * 0.85));
        var drafts = new List<(Person Holder, bool Current, DateOnly IssuedOn)>(_size.Cards);
        for (var k = 0; k < _size.Cards; k++)
        {
            var isCurrent = k < current;
            var holder = people[isCurrent ? order[k] : _rng.Next(people.Count)];
            var issuedOn = isCurrent ? Today.AddDays(-_rng.Next(0, 3 * 365)) : Today.AddDays(-_rng.Next(3 * 365 + 10, 9 * 365));
            drafts.Add((holder, isCurrent, issuedOn));
        }
        // Serial numbers are handed out in issue order, as the card factory does.
        var sorted = drafts.Select((d, index) => (d, index)).OrderBy(x => x.d.IssuedOn).ThenBy(x => x.index).Select(x => x.d).ToList();

        var cumulative = Cumulative(weights);
        var cards = new List<Card>(_size.Cards);
        var events = new List<CardEvent>(_size.Cards * 4);
        for (var k = 0; k < sorted.Count; k++)
        {
            var (holder, isCurrent, issuedOn) = sorted[k];
            var professional = holder.NationalIdKind != NationalIdKind.None;
            var type = _rng.NextDouble() < 0.001 ? CardType.Test
                : professional ? (_rng.NextDouble() < 0.03 ? CardType.Cpf : CardType.Cps)
                : _rng.NextDouble() switch { < 0.80 => CardType.Cpe, < 0.92 => CardType.Cpa, < 0.97 => CardType.Cde, _ => CardType.Cda };
            var structure = professional && _rng.NextDouble() < 0.05 ? null : structures[Pick(cumulative)];
            var status = isCurrent ? CurrentStatus(issuedOn) : _rng.NextDouble() switch { < 0.6 => CardStatus.Expired, < 0.85 => CardStatus.Returned, _ => CardStatus.Opposed };
            var ordered = new DateTimeOffset(issuedOn.ToDateTime(new TimeOnly(_rng.Next(8, 18), _rng.Next(60))), TimeSpan.Zero);
            DateOnly? validFrom = status is CardStatus.Ordered or CardStatus.InProduction ? null : issuedOn.AddDays(7);
            DateOnly? validUntil = validFrom?.AddYears(3);
            DateTimeOffset? opposedAt = status == CardStatus.Opposed ? OpposedAt(ordered, issuedOn) : null;
            var card = new Card
            {
                Id = NextId(ordered),
                Type = type,
                SerialNumber = (2_000_000_000L + 3L * k + _rng.Next(3)).ToString(CultureInfo.InvariantCulture),
                HolderId = holder.Id,
                StructureId = structure?.Id,
                Status = status,
                ValidFrom = validFrom,
                ValidUntil = validUntil,
                OpposedAt = opposedAt,
                OppositionReason = opposedAt is null ? null : Pick(FrenchSamples.OppositionReasons),
                CreatedAt = ordered,
                UpdatedAt = opposedAt ?? ordered.AddDays(8),
            };
            cards.Add(card);
            AddEvents(card, ordered, events);
        }
        return (cards, events);
    }

    /// <summary>Some day of the card's validity, never after <see cref="Now"/>.</summary>
    private DateTimeOffset OpposedAt(DateTimeOffset ordered, DateOnly issuedOn)
    {
        var days = Math.Min(Today.DayNumber - issuedOn.DayNumber, 3 * 365);
        var at = ordered.AddDays(_rng.Next(8, Math.Max(9, days))).AddHours(_rng.Next(1, 8));
        return at < Now ? at : Now.AddHours(-1);
    }

    private CardStatus CurrentStatus(DateOnly issuedOn) => (Today.DayNumber - issuedOn.DayNumber) switch
    {
        < 2 => CardStatus.Ordered,
        < 5 => CardStatus.InProduction,
        < 6 => CardStatus.Shipped,
        < 8 => CardStatus.CodesSent,
        _ => _rng.NextDouble() switch { < 0.93 => CardStatus.Active, < 0.97 => CardStatus.Opposed, < 0.985 => CardStatus.Blocked, _ => CardStatus.Returned },
    };

    /// <summary>The steps of the card's life up to its status: order, shipping, activation, then how it ended.</summary>
    private void AddEvents(Card card, DateTimeOffset ordered, List<CardEvent> events)
    {
        void Add(DateTimeOffset at, CardStatus status, string actor, string? reason = null) =>
            events.Add(new CardEvent { CardId = card.Id, At = at, Status = status, Actor = actor, Reason = reason });

        Add(ordered, CardStatus.Ordered, Pick(FrenchSamples.Agents));
        if (card.Status is CardStatus.Ordered) return;
        if (card.Status is CardStatus.InProduction)
        {
            Add(ordered.AddDays(2), CardStatus.InProduction, "système");
            return;
        }
        Add(ordered.AddDays(5), CardStatus.Shipped, "système");
        if (card.Status is CardStatus.Shipped) return;
        if (card.Status is CardStatus.CodesSent)
        {
            Add(ordered.AddDays(6), CardStatus.CodesSent, "système");
            return;
        }
        Add(ordered.AddDays(8), CardStatus.Active, "portail");
        switch (card.Status)
        {
            case CardStatus.Opposed:
                Add(card.OpposedAt!.Value, CardStatus.Opposed, Pick(FrenchSamples.Agents), card.OppositionReason);
                break;
            case CardStatus.Expired:
                Add(new DateTimeOffset(card.ValidUntil!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1), CardStatus.Expired, "système");
                break;
            case CardStatus.Blocked or CardStatus.Returned:
                Add(ordered.AddDays(_rng.Next(30, 900)), card.Status, Pick(FrenchSamples.Agents));
                break;
        }
    }

    /// <summary>A FINESS of the structure's department: Corsican 2A/2B numbers for Ajaccio and Bastia.</summary>
    private static string FinessFor(string postalCode, int index) => postalCode switch
    {
        "20000" => Finess.CreateCorsican("2A", index),
        "20200" => Finess.CreateCorsican("2B", index),
        _ => Finess.Create(int.Parse(postalCode[..2], CultureInfo.InvariantCulture) * 1_000_000 + index),
    };

    private Person PickPerson(List<Person> people, Func<Person, bool> accept)
    {
        for (var attempt = 0; ; attempt++)
        {
            var person = people[_rng.Next(people.Count)];
            if (accept(person) || attempt == 20) return person;
        }
    }

    /// <summary>A UUIDv7 stamped with <paramref name="at"/>, as the application creates them, with seeded random bits.</summary>
    private Guid NextId(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        _rng.NextBytes(bytes);
        Span<byte> millis = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(millis, at.ToUnixTimeMilliseconds());
        millis[2..].CopyTo(bytes);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    private string Street() => $"{_rng.Next(1, 180)} {Pick(FrenchSamples.Streets)}";

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    private int Pick(double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, _rng.NextDouble() * cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private static double[] Cumulative(double[] weights)
    {
        var sums = new double[weights.Length];
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++) sums[i] = total += weights[i];
        return sums;
    }

    private static string Of(string city) =>
        "AEIOUYÉÈÊÎÔÂ".Contains(char.ToUpperInvariant(city[0]), StringComparison.Ordinal) ? "d'" + city
        : city.StartsWith("Le ", StringComparison.Ordinal) ? "du " + city[3..]
        : "de " + city;

    /// <summary>Lower-case ASCII for an e-mail local part: accents dropped, spaces and apostrophes as hyphens.</summary>
    private static string Ascii(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
            else if (c is ' ' or '\'' or '-') builder.Append('-');
        }
        return builder.ToString();
    }
}
