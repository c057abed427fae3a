using CpsSupport.Features.Accounts;

namespace CpsSupport.Web.Tests.EndToEnd;

/// <summary>A sign-in account of the end-to-end data set.</summary>
public sealed record TestAccount(string Role, string Email, string DisplayName)
{
    public const string Password = "Support-Cps-2026";

    public static readonly TestAccount Agent = new(Roles.Agent, "sophie.martin@support.test", "Sophie Martin");
    public static readonly TestAccount Supervisor = new(Roles.Supervisor, "paul.lefevre@support.test", "Paul Lefèvre");
    public static readonly TestAccount StructureManager = new(Roles.StructureManager, "helene.dubois@ch-valence.test", "Hélène Dubois");
    public static readonly TestAccount Mandatary = new(Roles.Mandatary, "marc.petit@ch-valence.test", "Marc Petit");

    public static readonly IReadOnlyList<TestAccount> All = [Agent, Supervisor, StructureManager, Mandatary];

    public bool IsDesk => Role is Roles.Agent or Roles.Supervisor;

    public static TestAccount ByRole(string role) => All.Single(a => a.Role == role);

    public override string ToString() => Role;
}
