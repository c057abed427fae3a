namespace CpsSupport.Bench.Plans;

/// <summary>One SQL statement sent by EF, its parameter values and the plan PostgreSQL executed it with.</summary>
public sealed record CapturedPlan(string Sql, string Parameters, string Plan, double ExecutionMs);
