using CpsSupport.Features.Identifiers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CpsSupport.Tests.Features.Identifiers;

public class LuhnTests
{
    private static readonly Gen<string> ValidNumbers = DigitGen.Digits(1, 20).Select(Luhn.Append);

    [Theory]
    [InlineData("99700026547", true)]
    [InlineData("10002813838", false)]
    [InlineData("356000000", true)]
    [InlineData("73282932000074", true)]
    [InlineData("0", true)]
    [InlineData("", false)]
    [InlineData("9970002654A", false)]
    [InlineData("997 000 265 47", false)]
    public void Is_valid_checks_the_mod_10_sum_of_digits_only(string number, bool expected) =>
        Assert.Equal(expected, Luhn.IsValid(number));

    [Theory]
    [InlineData("9970002654", '7')]
    [InlineData("1000281383", '9')]
    [InlineData("35600000", '0')]
    [InlineData("7328293200007", '4')]
    public void Compute_check_digit_gives_the_known_key(string payload, char key) =>
        Assert.Equal(key, Luhn.ComputeCheckDigit(payload));

    [Theory]
    [InlineData("")]
    [InlineData("12 3")]
    [InlineData("12a")]
    public void Compute_check_digit_rejects_a_non_digit_payload(string payload) =>
        Assert.Throws<ArgumentException>(() => Luhn.ComputeCheckDigit(payload));

    [Property(MaxTest = 500)]
    public Property Any_payload_followed_by_its_computed_digit_is_valid() =>
        Prop.ForAll(DigitGen.Digits(1, 20).ToArbitrary(), payload => Luhn.IsValid(payload + Luhn.ComputeCheckDigit(payload)));

    [Property(MaxTest = 500)]
    public Property Only_the_computed_digit_makes_a_payload_valid() =>
        Prop.ForAll(DigitGen.Digits(1, 20).ToArbitrary(), payload =>
            Enumerable.Range(0, 10).Count(d => Luhn.IsValid(payload + d)) == 1);

    [Property(MaxTest = 500)]
    public Property Changing_any_single_digit_of_a_valid_number_breaks_it() =>
        Prop.ForAll(ValidNumbers.SelectMany(DigitGen.Change).ToArbitrary(), change => !Luhn.IsValid(change.Changed));

    [Property(MaxTest = 1000)]
    public Property Swapping_two_adjacent_digits_is_detected_unless_they_are_0_and_9() =>
        Prop.ForAll(DigitGen.Digits(1, 20).Select(Luhn.Append).SelectMany(DigitGen.Swap).ToArbitrary(), swap =>
        {
            var zeroAndNine = (swap.Left, swap.Right) is ('0', '9') or ('9', '0');
            var stillValid = Luhn.IsValid(swap.Swapped);
            // Equal digits swap to the same number; "09" <-> "90" keeps the sum since 0→0 and 9→9 when doubled.
            return swap.Left == swap.Right ? stillValid : stillValid == zeroAndNine;
        });

    [Fact]
    public void Swapping_0_and_9_goes_unnoticed_anywhere_in_the_number()
    {
        var number = Luhn.Append("1234095");
        Assert.True(Luhn.IsValid(number));
        Assert.True(Luhn.IsValid(number.Replace("09", "90", StringComparison.Ordinal)));
        Assert.False(Luhn.IsValid(number.Replace("34", "43", StringComparison.Ordinal)));
    }
}
