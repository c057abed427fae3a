using BenchmarkDotNet.Attributes;
using CpsSupport.Bench.Data;
using CpsSupport.Features.Paging;
using CpsSupport.Features.Structures;

namespace CpsSupport.Bench.Features.Structures;

/// <summary>Finding a structure from what a caller gives: its FINESS, or a word of its name.</summary>
[MemoryDiagnoser]
public class StructureSearchBenchmarks : RegistryBenchmark
{
    [Benchmark(Description = "Structure search: FINESS")]
    public Task<PagedResult<StructureRow>> SearchByFiness() => Structures.SearchAsync(Desk, new StructureQuery(Targets.Finess), FirstPage);

    [Benchmark(Description = "Structure search: name \"Pasteur\"")]
    public Task<PagedResult<StructureRow>> SearchByName() =>
        Structures.SearchAsync(Desk, new StructureQuery(BenchTargets.StructureNameFragment), FirstPage);

    [Benchmark(Description = "Structure: GetByIdentifier (FINESS)")]
    public Task<StructureDetail?> GetByFiness() => Structures.GetByIdentifierAsync(Desk, Targets.Finess);
}
