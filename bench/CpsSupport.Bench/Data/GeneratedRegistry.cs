using CpsSupport.Features.Cards;
using CpsSupport.Features.People;
using CpsSupport.Features.Structures;

namespace CpsSupport.Bench.Data;

/// <summary>The rows of a generated registry, in an order that satisfies the foreign keys.</summary>
public sealed record GeneratedRegistry(
    IReadOnlyList<Person> People,
    IReadOnlyList<Structure> Structures,
    IReadOnlyList<Mandate> Mandates,
    IReadOnlyList<Card> Cards,
    IReadOnlyList<CardEvent> CardEvents);
