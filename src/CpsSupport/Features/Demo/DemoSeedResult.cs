namespace CpsSupport.Features.Demo;

/// <summary>
/// What <see cref="DemoSeeder.SeedAsync"/> did: whether it wrote the demo data set this time (false when it was already
/// there), how many demo accounts it created, and the row counts of the registry afterwards.
/// </summary>
public sealed record DemoSeedResult(
    bool DataCreated,
    int UsersCreated,
    int Structures,
    int People,
    int Mandates,
    int Cards,
    int CardEvents,
    int Tickets);
