using System.Globalization;

namespace CpsSupport.Features.Identifiers;

/// <summary>Builds valid FINESS numbers for demo data and tests (validation: <see cref="IdentifierValidator.ValidateFiness"/>).</summary>
public static class Finess
{
    /// <summary>The FINESS made of <paramref name="eightDigitPayload"/> left-padded to 8 digits, followed by its Luhn key.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The payload is negative or longer than 8 digits.</exception>
    public static string Create(int eightDigitPayload)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(eightDigitPayload);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(eightDigitPayload, 99_999_999);
        return Luhn.Append(eightDigitPayload.ToString("D8", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A Corsican FINESS: <paramref name="department"/> (<c>2A</c> or <c>2B</c>) followed by
    /// <paramref name="sevenDigits"/> left-padded to 7 digits; no check digit is computed (none is documented).
    /// </summary>
    /// <exception cref="ArgumentException">The department is not 2A or 2B.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The number is negative or longer than 7 digits.</exception>
    public static string CreateCorsican(string department, int sevenDigits)
    {
        ArgumentNullException.ThrowIfNull(department);
        var code = department.ToUpperInvariant();
        if (code is not ("2A" or "2B"))
        {
            throw new ArgumentException($"The Corsican department must be 2A or 2B, got '{department}'.", nameof(department));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(sevenDigits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sevenDigits, 9_999_999);
        return code + sevenDigits.ToString("D7", CultureInfo.InvariantCulture);
    }
}
