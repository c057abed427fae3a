namespace CpsSupport.Features.Accounts;

/// <summary>The four roles of the back office and portal.</summary>
public static class Roles
{
    public const string Agent = "Agent";
    public const string Supervisor = "Supervisor";
    public const string StructureManager = "StructureManager";
    public const string Mandatary = "Mandatary";

    /// <summary>Desk staff: agents and supervisors see every structure.</summary>
    public const string Desk = Agent + "," + Supervisor;

    public static readonly IReadOnlyList<string> All = [Agent, Supervisor, StructureManager, Mandatary];

    public static string DisplayName(string role) => role switch
    {
        Agent => "Agent du support",
        Supervisor => "Superviseur",
        StructureManager => "Responsable de structure",
        Mandatary => "Mandataire",
        _ => role,
    };
}
