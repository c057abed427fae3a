using CpsSupport.Features.Identifiers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CpsSupport.Tests.Features.Identifiers;

public class IdentifierValidatorTests
{
    // RPPS

    [Theory]
    [InlineData("99700026547")]
    [InlineData("997 000 265 47")]
    [InlineData("  99700026547\t")]
    [InlineData("997\u00A0000\u202F265 47")] // non-breaking spaces pasted from a mail
    public void Rpps_with_a_valid_key_is_valid_whatever_the_spacing(string input)
    {
        var check = IdentifierValidator.ValidateRpps(input);

        Assert.True(check.IsValid);
        Assert.Null(check.Error);
        Assert.Equal("99700026547", check.Normalized);
        Assert.Equal(IdentifierKind.Rpps, check.Kind);
    }

    [Fact]
    public void Rpps_with_a_wrong_key_names_the_number()
    {
        var check = IdentifierValidator.ValidateRpps("10002813838");

        Assert.False(check.IsValid);
        Assert.Equal("Le numéro RPPS 10002813838 a une clé de contrôle invalide", check.Error);
    }

    [Theory]
    [InlineData("12345678", "Le numéro RPPS 12345678 doit comporter 11 chiffres (reçu : 8)")]
    [InlineData("997000265470", "Le numéro RPPS 997000265470 doit comporter 11 chiffres (reçu : 12)")]
    [InlineData("9970002654A", "Le numéro RPPS 9970002654A ne doit contenir que des chiffres")]
    [InlineData("997-000-265-47", "Le numéro RPPS 997-000-265-47 ne doit contenir que des chiffres")]
    [InlineData("997.000.265.47", "Le numéro RPPS 997.000.265.47 ne doit contenir que des chiffres")]
    [InlineData("٩٩٧٠٠٠٢٦٥٤٧", "Le numéro RPPS ٩٩٧٠٠٠٢٦٥٤٧ ne doit contenir que des chiffres")] // non-ASCII digits
    public void Rpps_with_a_wrong_format_says_what_is_wrong(string input, string error) =>
        Assert.Equal(error, IdentifierValidator.ValidateRpps(input).Error);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_rpps_is_required(string? input)
    {
        var check = IdentifierValidator.ValidateRpps(input);

        Assert.False(check.IsValid);
        Assert.Equal("Le numéro RPPS est obligatoire", check.Error);
        Assert.Equal("", check.Normalized);
    }

    // ADELI

    [Theory]
    [InlineData("123456789")]
    [InlineData("000000000")]
    [InlineData("12 345 678 9")]
    public void Any_nine_digits_are_a_valid_adeli(string input) => Assert.True(IdentifierValidator.ValidateAdeli(input).IsValid);

    [Theory]
    [InlineData("12345678", "Le numéro ADELI 12345678 doit comporter 9 chiffres (reçu : 8)")]
    [InlineData("12345678X", "Le numéro ADELI 12345678X ne doit contenir que des chiffres")]
    [InlineData("", "Le numéro ADELI est obligatoire")]
    public void Invalid_adeli_says_what_is_wrong(string input, string error) =>
        Assert.Equal(error, IdentifierValidator.ValidateAdeli(input).Error);

    // National id

    [Fact]
    public void National_id_of_the_test_card_is_8_followed_by_its_rpps()
    {
        Assert.True(IdentifierValidator.ValidateNationalId("899700026547").IsValid);

        var id = NationalId.Parse("8 997 000 265 47");

        Assert.Equal(IdentifierKind.Rpps, id.Kind);
        Assert.Equal("99700026547", id.Number);
        Assert.Equal("899700026547", id.Value);
    }

    [Fact]
    public void National_id_starting_with_0_holds_an_adeli()
    {
        Assert.True(NationalId.TryParse("0123456789", out var id));

        Assert.Equal(IdentifierKind.Adeli, id.Kind);
        Assert.Equal("123456789", id.Number);
        Assert.Equal("0123456789", id.ToString());
    }

    [Theory]
    [InlineData("999700026547", "L'identifiant national 999700026547 doit commencer par 8 (RPPS) ou 0 (ADELI)")]
    [InlineData("99700026547", "L'identifiant national 99700026547 doit commencer par 8 (RPPS) ou 0 (ADELI)")]
    [InlineData("89970002654", "L'identifiant national 89970002654 doit comporter 12 chiffres, 8 suivi du numéro RPPS (reçu : 11)")]
    [InlineData("01234567", "L'identifiant national 01234567 doit comporter 10 chiffres, 0 suivi du numéro ADELI (reçu : 8)")]
    [InlineData("810002813838", "L'identifiant national 810002813838 a une clé de contrôle invalide (numéro RPPS 10002813838)")]
    [InlineData("8997OOO26547", "L'identifiant national 8997OOO26547 ne doit contenir que des chiffres")]
    [InlineData(" ", "L'identifiant national est obligatoire")]
    public void Invalid_national_id_says_what_is_wrong(string input, string error)
    {
        Assert.Equal(error, IdentifierValidator.ValidateNationalId(input).Error);
        Assert.False(NationalId.TryParse(input, out _));
        Assert.Equal(error, Assert.Throws<FormatException>(() => NationalId.Parse(input)).Message);
    }

    [Fact]
    public void National_id_is_built_from_a_valid_rpps_or_adeli_only()
    {
        Assert.Equal("899700026547", NationalId.FromRpps("997 000 265 47").Value);
        Assert.Equal("0123456789", NationalId.FromAdeli("123456789").Value);
        var error = Assert.Throws<ArgumentException>(() => NationalId.FromRpps("10002813838"));
        Assert.StartsWith("Le numéro RPPS 10002813838 a une clé de contrôle invalide", error.Message, StringComparison.Ordinal);
    }

    // FINESS

    [Theory]
    [InlineData("750712184", "750712184")]
    [InlineData("75 071 218 4", "750712184")]
    [InlineData("2A1234567", "2A1234567")] // Corsica: format only, no documented key
    [InlineData("2B0000000", "2B0000000")]
    [InlineData("2a 123 456 7", "2A1234567")]
    [InlineData("2b9999999", "2B9999999")]
    public void Valid_finess_is_normalised(string input, string normalized)
    {
        var check = IdentifierValidator.ValidateFiness(input);

        Assert.True(check.IsValid, check.Error);
        Assert.Equal(normalized, check.Normalized);
    }

    [Theory]
    [InlineData("750712185", "Le numéro FINESS 750712185 a une clé de contrôle invalide")]
    [InlineData("75071218", "Le numéro FINESS 75071218 doit comporter 9 caractères (reçu : 8)")]
    [InlineData("2A123456", "Le numéro FINESS 2A123456 doit comporter 9 caractères (reçu : 8)")]
    [InlineData("2C1234567", "Le numéro FINESS 2C1234567 ne doit contenir que des chiffres (ou commencer par 2A ou 2B en Corse)")]
    [InlineData("A21234567", "Le numéro FINESS A21234567 ne doit contenir que des chiffres (ou commencer par 2A ou 2B en Corse)")]
    [InlineData("2A12345B7", "Le numéro FINESS 2A12345B7 ne doit contenir que des chiffres (ou commencer par 2A ou 2B en Corse)")]
    [InlineData("", "Le numéro FINESS est obligatoire")]
    public void Invalid_finess_says_what_is_wrong(string input, string error) =>
        Assert.Equal(error, IdentifierValidator.ValidateFiness(input).Error);

    // SIREN and SIRET

    [Theory]
    [InlineData("732829320", true)]
    [InlineData("732 829 320", true)]
    [InlineData("356000000", true)] // La Poste's SIREN follows Luhn
    [InlineData("732829321", false)]
    public void Siren_is_nine_digits_with_a_luhn_key(string input, bool valid) =>
        Assert.Equal(valid, IdentifierValidator.ValidateSiren(input).IsValid);

    [Fact]
    public void Siren_errors_name_the_siren()
    {
        Assert.Equal("Le numéro SIREN 732829321 a une clé de contrôle invalide", IdentifierValidator.ValidateSiren("732829321").Error);
        Assert.Equal("Le numéro SIREN 7328 doit comporter 9 chiffres (reçu : 4)", IdentifierValidator.ValidateSiren("7328").Error);
    }

    [Theory]
    [InlineData("73282932000074")]
    [InlineData("732 829 320 00074")]
    public void Siret_with_a_luhn_key_is_valid(string input) => Assert.True(IdentifierValidator.ValidateSiret(input).IsValid);

    [Fact]
    public void Siret_with_a_wrong_key_names_the_siret() =>
        Assert.Equal("Le numéro SIRET 73282932000079 a une clé de contrôle invalide",
            IdentifierValidator.ValidateSiret("73282932000079").Error);

    [Fact]
    public void Siret_whose_siren_part_is_invalid_is_rejected_even_with_a_good_overall_key()
    {
        Assert.True(Luhn.IsValid("10000000000008"));

        Assert.Equal("Le numéro SIRET 10000000000008 contient un numéro SIREN 100000000 dont la clé de contrôle est invalide",
            IdentifierValidator.ValidateSiret("10000000000008").Error);
    }

    [Theory]
    [InlineData("35600000000001")] // digit sum 15, fails Luhn
    [InlineData("35600000000010")] // digit sum 15, fails Luhn
    [InlineData("35600000000006")] // digit sum 20, passes Luhn too
    [InlineData("35600000049837")] // digit sum 45
    public void La_poste_siret_is_valid_when_its_digit_sum_is_a_multiple_of_5(string siret)
    {
        Assert.Equal(0, siret.Sum(c => c - '0') % 5);
        Assert.True(IdentifierValidator.ValidateSiret(siret).IsValid);
    }

    [Theory]
    [InlineData("35600000000002")] // digit sum 16, fails Luhn
    [InlineData("35600000000014")] // digit sum 19 although Luhn-valid: Luhn does not apply to La Poste
    [InlineData("35600000000022")] // digit sum 19, Luhn-valid
    public void La_poste_siret_whose_digit_sum_is_not_a_multiple_of_5_is_invalid(string siret)
    {
        var check = IdentifierValidator.ValidateSiret(siret);

        Assert.False(check.IsValid);
        Assert.Equal(
            $"Le numéro SIRET {siret} a une clé de contrôle invalide (règle La Poste : la somme des chiffres doit être un multiple de 5)",
            check.Error);
    }

    [Fact]
    public void La_poste_head_office_follows_luhn_not_the_digit_sum_rule()
    {
        const string headOffice = "35600000000048";
        Assert.Equal(26, headOffice.Sum(c => c - '0'));
        Assert.True(Luhn.IsValid(headOffice));

        Assert.True(IdentifierValidator.ValidateSiret(headOffice).IsValid);
    }

    [Fact]
    public void La_poste_digit_sum_rule_misses_a_digit_changed_by_5()
    {
        Assert.True(IdentifierValidator.ValidateSiret("35600000000001").IsValid);
        Assert.True(IdentifierValidator.ValidateSiret("35600000000006").IsValid);
    }

    // Dispatch and guess

    [Theory]
    [InlineData(IdentifierKind.Rpps, "99700026547", true)]
    [InlineData(IdentifierKind.Adeli, "123456789", true)]
    [InlineData(IdentifierKind.NationalId, "899700026547", true)]
    [InlineData(IdentifierKind.Finess, "2A1234567", true)]
    [InlineData(IdentifierKind.Siren, "356000000", true)]
    [InlineData(IdentifierKind.Siret, "35600000000048", true)]
    [InlineData(IdentifierKind.Rpps, "899700026547", false)]
    [InlineData(IdentifierKind.Siren, "123456789", false)]
    public void Validate_applies_the_rule_of_the_given_kind(IdentifierKind kind, string input, bool valid)
    {
        var check = IdentifierValidator.Validate(kind, input);

        Assert.Equal(kind, check.Kind);
        Assert.Equal(valid, check.IsValid);
    }

    [Theory]
    [InlineData("99700026547", new[] { IdentifierKind.Rpps })]
    [InlineData("997 000 265 47", new[] { IdentifierKind.Rpps })]
    [InlineData("10002813838", new[] { IdentifierKind.Rpps })] // format only: the key is not looked at
    [InlineData("899700026547", new[] { IdentifierKind.NationalId })]
    [InlineData("0123456789", new[] { IdentifierKind.NationalId })]
    [InlineData("73282932000074", new[] { IdentifierKind.Siret })]
    [InlineData("123456789", new[] { IdentifierKind.Adeli, IdentifierKind.Finess, IdentifierKind.Siren })]
    [InlineData("2a1234567", new[] { IdentifierKind.Finess })]
    [InlineData("999700026547", new IdentifierKind[0])]
    [InlineData("1234567890", new IdentifierKind[0])]
    [InlineData("Dupont", new IdentifierKind[0])]
    [InlineData("", new IdentifierKind[0])]
    public void Guess_lists_the_kinds_whose_format_matches(string input, IdentifierKind[] kinds) =>
        Assert.Equal(kinds, IdentifierValidator.Guess(input));

    // Properties over every kind

    private static readonly Gen<string> TypedText =
        Gen.Choose(0, 16).SelectMany(length =>
            Gen.ArrayOf(Gen.Elements("0123456789 0123456789 2AB8-./x\u00A0é".ToCharArray()), length))
        .Select(chars => new string(chars));

    [Property(MaxTest = 1000)]
    public Property Every_error_names_the_kind_and_the_value() =>
        Prop.ForAll(Gen.Elements(Enum.GetValues<IdentifierKind>()).ToArbitrary(), TypedText.ToArbitrary(), (kind, text) =>
        {
            var check = IdentifierValidator.Validate(kind, text);
            var kindName = kind == IdentifierKind.NationalId ? "L'identifiant national" : "Le numéro " + kind.ToString().ToUpperInvariant();
            return check.IsValid == (check.Error is null)
                && (check.IsValid || (check.Error!.StartsWith(kindName, StringComparison.Ordinal)
                    && check.Error.Contains(check.Normalized, StringComparison.Ordinal)))
                && check.Normalized.Length == text.Count(c => !char.IsWhiteSpace(c));
        });

    [Property(MaxTest = 500)]
    public Property Spaces_anywhere_are_ignored() =>
        Prop.ForAll(DigitGen.Long(9_999_999_999).ToArbitrary(), Gen.ArrayOf(Gen.Choose(0, 11), 3).ToArbitrary(), (payload, cuts) =>
        {
            var rpps = Rpps.Create(payload);
            var typed = cuts.Order().Distinct().Reverse().Aggregate(rpps, (text, at) => text.Insert(at, " "));
            var check = IdentifierValidator.ValidateRpps(" " + typed + " ");
            return check.IsValid && check.Normalized == rpps;
        });

    [Property(MaxTest = 500)]
    public Property Changing_any_single_digit_of_a_valid_rpps_or_national_id_breaks_it() =>
        Prop.ForAll(DigitGen.Long(9_999_999_999).Select(Rpps.Create).SelectMany(DigitGen.Change).ToArbitrary(), change =>
            !IdentifierValidator.ValidateRpps(change.Changed).IsValid
            && !IdentifierValidator.ValidateNationalId("8" + change.Changed).IsValid);

    [Property(MaxTest = 500)]
    public Property Changing_any_single_digit_of_a_valid_siret_breaks_it_outside_la_poste() =>
        Prop.ForAll(SiretGen.Where(siret => !siret.StartsWith(IdentifierValidator.LaPosteSiren, StringComparison.Ordinal))
            .SelectMany(DigitGen.Change).ToArbitrary(), change => !IdentifierValidator.ValidateSiret(change.Changed).IsValid);

    [Property(MaxTest = 500)]
    public Property A_la_poste_siret_stays_valid_only_when_a_nic_digit_moves_by_5() =>
        Prop.ForAll(Gen.Choose(0, 9_999).Select(n => Siret.Create(IdentifierValidator.LaPosteSiren, n))
            .SelectMany(siret => Gen.Choose(9, 13).SelectMany(_ => Gen.Choose(1, 9), (position, delta) => new DigitChange(siret, position, delta)))
            .ToArbitrary(), change => IdentifierValidator.ValidateSiret(change.Changed).IsValid == (change.Delta == 5));

    private static readonly Gen<string> SiretGen =
        Gen.Choose(0, 99_999_999).SelectMany(_ => Gen.Choose(0, 9_999), (siren, establishment) => Siret.Create(Siren.Create(siren), establishment));
}
