namespace CpsSupport.Tests.Features.Identifiers;

/// <summary>A digit of a number changed by adding <see cref="Delta"/> (1–9) modulo 10.</summary>
internal sealed record DigitChange(string Original, int Position, int Delta)
{
    public char OldDigit => Original[Position];

    public string Changed => string.Concat(
        Original.AsSpan(0, Position), ((char)('0' + (OldDigit - '0' + Delta) % 10)).ToString(), Original.AsSpan(Position + 1));
}
