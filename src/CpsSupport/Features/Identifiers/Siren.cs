namespace CpsSupport.Features.Identifiers;

/// <summary>Builds valid SIREN numbers for demo data and tests (validation: <see cref="IdentifierValidator.ValidateSiren"/>).</summary>
public static class Siren
{
    /// <summary>The SIREN made of <paramref name="eightDigitPayload"/> left-padded to 8 digits, followed by its Luhn key.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The payload is negative or longer than 8 digits.</exception>
    public static string Create(int eightDigitPayload)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(eightDigitPayload);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(eightDigitPayload, 99_999_999);
        return Luhn.Append(eightDigitPayload.ToString("D8", System.Globalization.CultureInfo.InvariantCulture));
    }
}
