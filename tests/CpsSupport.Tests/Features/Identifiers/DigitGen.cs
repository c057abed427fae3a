using FsCheck;
using FsCheck.Fluent;

namespace CpsSupport.Tests.Features.Identifiers;

/// <summary>FsCheck generators of digit strings and of the mutations applied to them.</summary>
internal static class DigitGen
{
    public static Gen<string> Digits(int length) =>
        Gen.ArrayOf(Gen.Choose(0, 9), length).Select(digits => string.Concat(digits));

    public static Gen<string> Digits(int minLength, int maxLength) =>
        Gen.Choose(minLength, maxLength).SelectMany(Digits);

    /// <summary>A number in [0, max] spread over the whole range (FsCheck's default longs stay small).</summary>
    public static Gen<long> Long(long max) =>
        Gen.Choose(0, 99_999).SelectMany(high => Gen.Choose(0, 99_999), (high, low) => high * 100_000L + low)
            .Select(n => n % (max + 1));

    /// <summary>A position in <paramref name="number"/> and a non-zero amount (1–9) added modulo 10 to its digit.</summary>
    public static Gen<DigitChange> Change(string number) =>
        Gen.Choose(0, number.Length - 1).SelectMany(_ => Gen.Choose(1, 9), (position, delta) => new DigitChange(number, position, delta));

    /// <summary>A position i such that digits i and i+1 of <paramref name="number"/> get swapped.</summary>
    public static Gen<AdjacentSwap> Swap(string number) =>
        Gen.Choose(0, number.Length - 2).Select(position => new AdjacentSwap(number, position));
}
