namespace CpsSupport.Bench.Data;

/// <summary>How many rows the generated registry holds; mandates and card events follow from these.</summary>
public sealed record RegistrySize(int Structures, int People, int Cards)
{
    /// <summary>The volume the desk expects within a few years: 30k structures, 300k people, 300k cards.</summary>
    public static RegistrySize Default { get; } = new(30_000, 300_000, 300_000);

    public override string ToString() => $"structures={Structures} people={People} cards={Cards}";
}
