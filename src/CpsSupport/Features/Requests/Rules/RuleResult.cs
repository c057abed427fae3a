namespace CpsSupport.Features.Requests.Rules;

/// <summary>What one rule says about a filing: allowed or not, and why, in French (shown to the agent or the requester).</summary>
public sealed record RuleResult(RequestRule Rule, bool Allowed, string Explanation)
{
    public static RuleResult Allow(RequestRule rule, string explanation) => new(rule, true, explanation);

    public static RuleResult Refuse(RequestRule rule, string explanation) => new(rule, false, explanation);
}

/// <summary>Every rule that applies to a filing, and the pieces still missing (which do not refuse it: they put it on hold).</summary>
public sealed record RuleReport(IReadOnlyList<RuleResult> Results, IReadOnlyList<string> MissingPieces)
{
    public bool Allowed => Results.All(r => r.Allowed);

    /// <summary>The first rule that refuses the filing, if any.</summary>
    public RuleResult? Refusal => Results.FirstOrDefault(r => !r.Allowed);

    /// <exception cref="RequestRefusedException">A rule refuses the filing.</exception>
    public RuleReport ThrowIfRefused() => Refusal is { } refusal ? throw new RequestRefusedException(refusal) : this;
}

/// <summary>What the rules say of one card line of an order.</summary>
public sealed record OrderLineReport(int Position, IReadOnlyList<RuleResult> Results)
{
    public bool Allowed => Results.All(r => r.Allowed);

    /// <summary>The French explanations of the rules that refuse the line.</summary>
    public IReadOnlyList<string> Errors => Results.Where(r => !r.Allowed).Select(r => r.Explanation).ToList();
}

/// <summary>
/// An order judged by the rules: the card type it gives, the rules of the order, those of each line, the missing pieces.
/// A refused line refuses the whole filing: nothing is saved until every line is right.
/// </summary>
public sealed record OrderReport(Cards.CardType CardType, IReadOnlyList<RuleResult> Results, IReadOnlyList<OrderLineReport> Lines, IReadOnlyList<string> MissingPieces)
{
    public bool Allowed => Results.All(r => r.Allowed) && Lines.All(l => l.Allowed);

    /// <summary>The first refusal: of the order, or of a line (its message prefixed with the line number).</summary>
    public RuleResult? Refusal =>
        Results.FirstOrDefault(r => !r.Allowed)
        ?? Lines.Where(l => !l.Allowed).Select(l => l.Results.First(r => !r.Allowed) is var r ? r with { Explanation = $"Ligne {l.Position} : {r.Explanation}" } : null).FirstOrDefault();

    /// <exception cref="RequestRefusedException">A rule refuses the order or one of its lines.</exception>
    public OrderReport ThrowIfRefused() => Refusal is { } refusal ? throw new RequestRefusedException(refusal) : this;
}
