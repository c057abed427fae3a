using CpsSupport.Data;
using CpsSupport.Features.Accounts;
using CpsSupport.Features.Cards;
using CpsSupport.Features.People;
using CpsSupport.Features.Structures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CpsSupport.Web.Tests.EndToEnd;

/// <summary>
/// Registry rows a browser test creates for itself and removes when disposed: the other browser tests count the seeded
/// cards and structures (<see cref="SeededRegistry"/>), so a test that files a request (a replacement card, a new mandate)
/// works on its own people and structures and leaves the registry as it found it.
/// </summary>
public sealed class OwnTestData(AppServerFixture app) : IAsyncDisposable
{
    private static int _counter;
    private readonly List<Guid> _people = [];
    private readonly List<Guid> _structures = [];
    private readonly List<Guid> _users = [];

    /// <summary>A number unique in this run, for serials and e-mails.</summary>
    public static int Next() => Interlocked.Increment(ref _counter);

    public async Task<T> WithDbAsync<T>(Func<CpsDbContext, Task<T>> work)
    {
        // The factory is scoped (its contexts carry the audit interceptor of the scope's actor).
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CpsDbContext>>().CreateDbContextAsync();
        return await work(db);
    }

    public async Task<Structure> StructureAsync(string name)
    {
        var structure = new Structure
        {
            Name = name,
            Kind = StructureKind.HealthEstablishment,
            HasMembershipContract = true,
            DeliveryAddress = new Address { Line1 = "4 rue des Essais", PostalCode = "26000", City = "Valence" },
            CorrespondenceAddress = new Address { Line1 = "4 rue des Essais", PostalCode = "26000", City = "Valence" },
        };
        await WithDbAsync(async db =>
        {
            db.Structures.Add(structure);
            return await db.SaveChangesAsync();
        });
        _structures.Add(structure.Id);
        return structure;
    }

    /// <summary>A person with an e-mail and a correspondence address; with <paramref name="headOf"/>, the structure's legal representative.</summary>
    public async Task<Person> PersonAsync(string first, string last, string profession, Guid? headOf = null)
    {
        var person = new Person
        {
            FirstName = first,
            LastName = last,
            Profession = profession,
            Email = Ascii($"{first}.{last}.{Next()}@e2e.test").ToLowerInvariant(),
            CorrespondenceAddress = new Address { Line1 = "8 avenue Victor Hugo", PostalCode = "26000", City = "Valence" },
        };
        await WithDbAsync(async db =>
        {
            db.People.Add(person);
            if (headOf is { } structureId) (await db.Structures.SingleAsync(s => s.Id == structureId)).LegalRepresentative = person;
            return await db.SaveChangesAsync();
        });
        _people.Add(person.Id);
        return person;
    }

    /// <summary>An active card valid for three more years, with an authentication and a signature certificate.</summary>
    public async Task<Card> ActiveCardAsync(Person holder, CardType type, Guid? structureId = null)
    {
        var n = Next();
        var serial = $"26{Environment.ProcessId % 10_000:D4}{n:D4}";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var card = new Card
        {
            SerialNumber = serial, HolderId = holder.Id, StructureId = structureId, Type = type, Status = CardStatus.Active,
            ValidFrom = today.AddYears(-1), ValidUntil = today.AddYears(2),
        };
        card.Certificates.Add(new CardCertificate { SerialNumber = $"E2E{serial}A1", Usage = CertificateUsage.Authentication, ExpiresAt = DateTimeOffset.UtcNow.AddYears(2) });
        card.Certificates.Add(new CardCertificate { SerialNumber = $"E2E{serial}S2", Usage = CertificateUsage.Signature, ExpiresAt = DateTimeOffset.UtcNow.AddYears(2) });
        card.Events.Add(new CardEvent { At = DateTimeOffset.UtcNow.AddYears(-1), Status = CardStatus.Active, Actor = "Registre ANS" });
        await WithDbAsync(async db =>
        {
            db.Cards.Add(card);
            return await db.SaveChangesAsync();
        });
        return card;
    }

    /// <summary>A sign-in account with the test password; <paramref name="role"/> and <paramref name="personId"/> optional.</summary>
    public async Task<TestAccount> AccountAsync(string email, string displayName, string? role = null, Guid? personId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, PersonId = personId };
        Check(await users.CreateAsync(user, TestAccount.Password));
        if (role is not null) Check(await users.AddToRoleAsync(user, role));
        _users.Add(user.Id);
        return new TestAccount(role ?? "", email, displayName);
    }

    /// <summary>"Noé" → "Noe": Identity user names (the e-mail here) take no accents.</summary>
    private static string Ascii(string text) =>
        new(text.Normalize(System.Text.NormalizationForm.FormD).Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Removes what the test created and what its requests created (replacement cards, mandates, requests); tickets stay.</summary>
    public async ValueTask DisposeAsync()
    {
        var people = _people.ToArray();
        var structures = _structures.ToArray();
        var users = _users.ToArray();
        await WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("""
                DELETE FROM requests WHERE card_id IN (SELECT id FROM cards WHERE holder_id = ANY({0}) OR structure_id = ANY({1}))
                    OR person_id = ANY({0}) OR declarant_person_id = ANY({0}) OR structure_id = ANY({1});
                UPDATE cards SET replaces_card_id = NULL WHERE holder_id = ANY({0}) OR structure_id = ANY({1});
                DELETE FROM cards WHERE holder_id = ANY({0}) OR structure_id = ANY({1});
                DELETE FROM mandates WHERE person_id = ANY({0}) OR structure_id = ANY({1});
                DELETE FROM technical_administrators WHERE person_id = ANY({0}) OR structure_id = ANY({1});
                DELETE FROM users WHERE id = ANY({2});
                DELETE FROM structures WHERE id = ANY({1});
                DELETE FROM people WHERE id = ANY({0});
                """, people, structures, users);
            await tx.CommitAsync();
            return 0;
        });
    }
}
