namespace CpsSupport.Features.Identifiers;

/// <summary>The Luhn (mod 10) key used by RPPS, FINESS, SIREN and SIRET numbers.</summary>
public static class Luhn
{
    /// <summary>
    /// True when <paramref name="digits"/> is non-empty, made of ASCII digits only, and its Luhn sum
    /// (every second digit from the right doubled, 9 subtracted above 9) is a multiple of 10.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<char> digits) =>
        !digits.IsEmpty && AreDigits(digits) && Sum(digits, doubleRightmost: false) % 10 == 0;

    /// <summary>
    /// The digit to append to <paramref name="payload"/> (ASCII digits, at least one) so that the whole
    /// number passes <see cref="IsValid"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The payload is empty or holds a non-digit.</exception>
    public static char ComputeCheckDigit(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Length == 0 || !AreDigits(payload))
        {
            throw new ArgumentException($"The Luhn payload must be ASCII digits, got '{payload}'.", nameof(payload));
        }

        // Once the key is appended, the payload's rightmost digit sits in a doubled position.
        var sum = Sum(payload, doubleRightmost: true);
        return (char)('0' + (10 - sum % 10) % 10);
    }

    /// <summary>The payload followed by its Luhn check digit (see <see cref="ComputeCheckDigit"/>).</summary>
    public static string Append(string payload) => payload + ComputeCheckDigit(payload);

    private static int Sum(ReadOnlySpan<char> digits, bool doubleRightmost)
    {
        var sum = 0;
        var doubled = doubleRightmost;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return sum;
    }

    /// <summary>True when every character is an ASCII digit (true for an empty span).</summary>
    internal static bool AreDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
