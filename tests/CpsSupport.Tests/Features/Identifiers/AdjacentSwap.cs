namespace CpsSupport.Tests.Features.Identifiers;

/// <summary>Two adjacent digits of a number, at Position and Position + 1, swapped.</summary>
internal sealed record AdjacentSwap(string Original, int Position)
{
    public char Left => Original[Position];

    public char Right => Original[Position + 1];

    public string Swapped => string.Concat(
        Original.AsSpan(0, Position), Right.ToString(), Left.ToString(), Original.AsSpan(Position + 2));
}
