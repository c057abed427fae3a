using CpsSupport.Features.Identifiers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CpsSupport.Tests.Features.Identifiers;

/// <summary>The generators of demo data: Rpps, Adeli, Finess, Siren, Siret.</summary>
public class IdentifierFactoriesTests
{
    [Fact]
    public void Known_numbers_are_rebuilt_from_their_payload()
    {
        Assert.Equal("99700026547", Rpps.Create(9_970_002_654));
        Assert.Equal("00000000000", Rpps.Create(0));
        Assert.Equal("000000042", Adeli.Create(42));
        Assert.Equal("750712184", Finess.Create(75_071_218));
        Assert.Equal("2A0000042", Finess.CreateCorsican("2a", 42));
        Assert.Equal("356000000", Siren.Create(35_600_000));
        Assert.Equal("73282932000074", Siret.Create("732829320", 7));
        Assert.Equal("35600000000042", Siret.Create("356 000 000", 4)); // La Poste: digit sum 20
    }

    [Fact]
    public void Out_of_range_payloads_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rpps.Create(10_000_000_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rpps.Create(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Adeli.Create(1_000_000_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => Finess.Create(100_000_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => Finess.CreateCorsican("2B", 10_000_000));
        Assert.Throws<ArgumentException>(() => Finess.CreateCorsican("20", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Siren.Create(-5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Siret.Create("732829320", 10_000));
        Assert.Throws<ArgumentException>(() => Siret.Create("732829321", 1));
    }

    [Property(MaxTest = 300)]
    public Property Generated_rpps_and_their_national_ids_validate() =>
        Prop.ForAll(DigitGen.Long(9_999_999_999).ToArbitrary(), payload =>
        {
            var rpps = Rpps.Create(payload);
            var nationalId = NationalId.FromRpps(rpps);
            return IdentifierValidator.ValidateRpps(rpps).IsValid
                && IdentifierValidator.ValidateNationalId(nationalId.Value).IsValid
                && NationalId.Parse(nationalId.Value) == nationalId;
        });

    [Property(MaxTest = 300)]
    public Property Generated_adeli_and_their_national_ids_validate() =>
        Prop.ForAll(Gen.Choose(0, 999_999_999).ToArbitrary(), number =>
        {
            var adeli = Adeli.Create(number);
            return IdentifierValidator.ValidateAdeli(adeli).IsValid
                && NationalId.Parse("0" + adeli) == NationalId.FromAdeli(adeli);
        });

    [Property(MaxTest = 300)]
    public Property Generated_finess_validate() =>
        Prop.ForAll(Gen.Choose(0, 99_999_999).ToArbitrary(), Gen.Elements("2A", "2B").ToArbitrary(), (payload, department) =>
            IdentifierValidator.ValidateFiness(Finess.Create(payload)).IsValid
            && IdentifierValidator.ValidateFiness(Finess.CreateCorsican(department, payload % 10_000_000)).IsValid);

    [Property(MaxTest = 300)]
    public Property Generated_sirens_and_sirets_validate() =>
        Prop.ForAll(Gen.Choose(0, 99_999_999).ToArbitrary(), Gen.Choose(0, 9_999).ToArbitrary(), (payload, establishment) =>
        {
            var siren = Siren.Create(payload);
            var siret = Siret.Create(siren, establishment);
            return IdentifierValidator.ValidateSiren(siren).IsValid
                && IdentifierValidator.ValidateSiret(siret).IsValid
                && siret.StartsWith(siren, StringComparison.Ordinal);
        });

    [Property(MaxTest = 300)]
    public Property Generated_la_poste_sirets_validate_by_their_digit_sum() =>
        Prop.ForAll(Gen.Choose(0, 9_999).ToArbitrary(), establishment =>
        {
            var siret = Siret.Create(IdentifierValidator.LaPosteSiren, establishment);
            return IdentifierValidator.ValidateSiret(siret).IsValid && siret.Sum(c => c - '0') % 5 == 0;
        });
}
