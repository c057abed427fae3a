namespace CpsSupport.Features.Identifiers;

/// <summary>Builds valid RPPS numbers for demo data and tests (validation: <see cref="IdentifierValidator.ValidateRpps"/>).</summary>
public static class Rpps
{
    /// <summary>
    /// The RPPS made of <paramref name="tenDigitPayload"/> left-padded to 10 digits, followed by its Luhn key
    /// (e.g. 9970002654 → 99700026547).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The payload is negative or longer than 10 digits.</exception>
    public static string Create(long tenDigitPayload)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tenDigitPayload);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tenDigitPayload, 9_999_999_999L);
        return Luhn.Append(tenDigitPayload.ToString("D10", System.Globalization.CultureInfo.InvariantCulture));
    }
}
