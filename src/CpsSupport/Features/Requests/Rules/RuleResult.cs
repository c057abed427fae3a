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
