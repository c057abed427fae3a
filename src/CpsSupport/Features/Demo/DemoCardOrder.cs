using CpsSupport.Features.Cards;
using CpsSupport.Features.People;
using CpsSupport.Features.Structures;

namespace CpsSupport.Features.Demo;

/// <summary>
/// What <see cref="DemoCardHistory"/> needs to write one card's life: who ordered it and when, and where it stands
/// today. <paramref name="EndOn"/>, <paramref name="EndActor"/> and <paramref name="EndReason"/> describe the step that
/// ended the normal life (blocked, opposed, returned); a null <paramref name="EndOn"/> lets the history pick a day after
/// first use. <paramref name="Received"/> false: the card never reached its holder (opposed as "not received").
/// <paramref name="NotBefore"/>: the order comes after that moment (a replacement follows the opposition of the old card).
/// </summary>
internal sealed record DemoCardOrder(
    Person Holder,
    Structure? Structure,
    CardType Type,
    DateOnly OrderedOn,
    string OrderActor,
    string? OrderReason,
    CardStatus Status,
    DateOnly? EndOn = null,
    string? EndActor = null,
    string? EndReason = null,
    bool Received = true,
    DateTimeOffset? NotBefore = null);
