namespace CpsSupport.Features.Identifiers;

/// <summary>Builds ADELI numbers for demo data and tests (validation: <see cref="IdentifierValidator.ValidateAdeli"/>).</summary>
public static class Adeli
{
    /// <summary>The ADELI number <paramref name="number"/> left-padded to 9 digits (no check digit is known for ADELI).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is negative or longer than 9 digits.</exception>
    public static string Create(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 999_999_999);
        return number.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
    }
}
