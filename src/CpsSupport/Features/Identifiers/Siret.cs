namespace CpsSupport.Features.Identifiers;

/// <summary>Builds valid SIRET numbers for demo data and tests (validation: <see cref="IdentifierValidator.ValidateSiret"/>).</summary>
public static class Siret
{
    /// <summary>
    /// The SIRET of establishment <paramref name="establishment"/> (0–9999, the first 4 NIC digits) of the
    /// legal unit <paramref name="siren"/>, followed by its key: the Luhn digit, or for La Poste (356000000)
    /// the smallest digit making the sum of the 14 digits a multiple of 5.
    /// </summary>
    /// <exception cref="ArgumentException">The SIREN is invalid; the message is the French error.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The establishment number is outside 0–9999.</exception>
    public static string Create(string siren, int establishment)
    {
        var check = IdentifierValidator.ValidateSiren(siren);
        if (!check.IsValid)
        {
            throw new ArgumentException(check.Error, nameof(siren));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(establishment);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(establishment, 9_999);
        var payload = check.Normalized + establishment.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        if (check.Normalized != IdentifierValidator.LaPosteSiren)
        {
            return Luhn.Append(payload);
        }

        var key = (5 - IdentifierValidator.DigitSum(payload) % 5) % 5;
        return payload + (char)('0' + key);
    }
}
