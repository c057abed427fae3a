using BenchmarkDotNet.Attributes;
using CpsSupport.Features.People;

namespace CpsSupport.Bench.Features.People;

/// <summary>Opening a person's file from the national id read on a card or typed by a caller.</summary>
[MemoryDiagnoser]
public class PersonLookupBenchmarks : RegistryBenchmark
{
    [Benchmark(Description = "Person: GetByNationalId")]
    public Task<PersonDetail?> GetByNationalId() => People.GetByNationalIdAsync(Desk, Targets.RppsNationalId);
}
