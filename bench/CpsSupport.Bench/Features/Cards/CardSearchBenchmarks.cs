using BenchmarkDotNet.Attributes;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Paging;

namespace CpsSupport.Bench.Features.Cards;

/// <summary>
/// What a desk agent does on the card list besides a name search (see <see cref="ScopedCardBenchmarks"/>): find a card
/// from the serial or the holder's national id read on it, and page deep into the sorted list.
/// </summary>
[MemoryDiagnoser]
public class CardSearchBenchmarks : RegistryBenchmark
{
    [Benchmark(Description = "Card search: serial (exact)")]
    public Task<PagedResult<CardRow>> SearchBySerial() => Cards.SearchAsync(Desk, new CardQuery(Targets.Serial), FirstPage);

    [Benchmark(Description = "Card search: national id (8+RPPS)")]
    public Task<PagedResult<CardRow>> SearchByNationalId() => Cards.SearchAsync(Desk, new CardQuery(Targets.RppsNationalId), FirstPage);

    [Benchmark(Description = "Card list: page 100, by holder name")]
    public Task<PagedResult<CardRow>> ListPage100() => Cards.SearchAsync(Desk, new CardQuery(), Page100);

    [Benchmark(Description = "Card list: page 100, by serial")]
    public Task<PagedResult<CardRow>> ListPage100BySerial() =>
        Cards.SearchAsync(Desk, new CardQuery(), Page100 with { SortBy = "SerialNumber" });
}
