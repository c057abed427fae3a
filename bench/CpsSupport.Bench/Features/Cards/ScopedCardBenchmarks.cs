using BenchmarkDotNet.Attributes;
using CpsSupport.Bench.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Paging;

namespace CpsSupport.Bench.Features.Cards;

/// <summary>
/// The card queries both a desk agent and a portal user make, for the desk scope and for a mandatary of one structure
/// (the largest with a running mandate): the scope filter must narrow the work, not add to it.
/// </summary>
[MemoryDiagnoser]
public class ScopedCardBenchmarks : RegistryBenchmark
{
    public enum ScopeKind
    {
        Desk,
        Mandatary,
    }

    [ParamsAllValues]
    public ScopeKind Scope { get; set; }

    private AccessScope Current => Scope == ScopeKind.Desk ? Desk : Targets.MandataryScope;

    [Benchmark(Description = "Card search: holder name \"dupo\"")]
    public Task<PagedResult<CardRow>> SearchByHolderName() => Cards.SearchAsync(Current, new CardQuery(BenchTargets.NameFragment), FirstPage);

    [Benchmark(Description = "Card list: page 1, by holder name")]
    public Task<PagedResult<CardRow>> ListFirstPage() => Cards.SearchAsync(Current, new CardQuery(), FirstPage);

    [Benchmark(Description = "Card: GetBySerial")]
    public Task<CardDetail?> GetBySerial() => Cards.GetBySerialAsync(Current, Targets.SerialInMandataryStructure);
}
