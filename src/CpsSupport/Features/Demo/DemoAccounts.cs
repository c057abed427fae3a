using CpsSupport.Features.Accounts;

namespace CpsSupport.Features.Demo;

/// <summary>
/// The four accounts of the demo data set, one per role. The portal accounts are linked to people of two fixed
/// structures of the fictitious town of Test-sur-Loire, so a demo always shows the same scope:
/// <c>directeur@…</c> heads <see cref="DirectorStructureName"/> (and nothing else), <c>mandataire@…</c> holds a running
/// mandate on <see cref="MandataryStructureName"/> and an ended one on another EHPAD (which it must not see).
/// </summary>
public static class DemoAccounts
{
    /// <summary>The health establishment whose legal representative is the structure-manager account.</summary>
    public const string DirectorStructureName = "Centre hospitalier de Test-sur-Loire";

    /// <summary>FINESS of <see cref="DirectorStructureName"/> (payload 49099001, Luhn key 7).</summary>
    public const string DirectorStructureFiness = "490990017";

    /// <summary>The EHPAD where the mandatary account holds a running mandate (F502).</summary>
    public const string MandataryStructureName = "EHPAD Les Tilleuls de Test-sur-Loire";

    /// <summary>FINESS of <see cref="MandataryStructureName"/> (payload 49099002, Luhn key 5).</summary>
    public const string MandataryStructureFiness = "490990025";

    /// <summary>The other EHPAD of Test-sur-Loire, where the mandatary account's mandate ended: it must not see it any more.</summary>
    public const string FormerMandateStructureName = "EHPAD Les Glycines de Test-sur-Loire";

    /// <summary>FINESS of <see cref="FormerMandateStructureName"/> (payload 49099003, Luhn key 3).</summary>
    public const string FormerMandateStructureFiness = "490990033";

    public static readonly DemoAccount Agent = new(
        "agent@cpssupport.test", "Demo-Agent-2026!", Roles.Agent,
        "Camille Martin, agent du support cartes : traite la file des tickets, répond aux courriels, oppose les cartes ; voit toutes les structures.");

    public static readonly DemoAccount Supervisor = new(
        "superviseur@cpssupport.test", "Demo-Superviseur-2026!", Roles.Supervisor,
        "Nicolas Bernard, superviseur du plateau : tout ce que fait un agent, plus les tableaux de bord, la réaffectation, la base de connaissances et les utilisateurs ; voit toutes les structures.");

    public static readonly DemoAccount StructureManager = new(
        "directeur@cpssupport.test", "Demo-Directeur-2026!", Roles.StructureManager,
        $"Hélène Rousseau, directrice et représentante légale du {DirectorStructureName} (FINESS {DirectorStructureFiness}) : commande les cartes de son personnel, déclare les incidents, désigne les mandataires ; ne voit que cet établissement.");

    public static readonly DemoAccount Mandatary = new(
        "mandataire@cpssupport.test", "Demo-Mandataire-2026!", Roles.Mandatary,
        $"Julien Lefèvre, cadre administratif et mandataire (F502) de l'{MandataryStructureName} (FINESS {MandataryStructureFiness}) ; son mandat terminé sur un autre EHPAD ne lui donne plus accès.");

    public static IReadOnlyList<DemoAccount> All { get; } = [Agent, Supervisor, StructureManager, Mandatary];

    /// <summary>The name shown in the application bar for each account.</summary>
    internal static string DisplayName(DemoAccount account) => account.Role switch
    {
        Roles.Agent => "Camille Martin (agent)",
        Roles.Supervisor => "Nicolas Bernard (superviseur)",
        Roles.StructureManager => "Hélène Rousseau (directrice, CH de Test-sur-Loire)",
        Roles.Mandatary => "Julien Lefèvre (mandataire, EHPAD Les Tilleuls)",
        _ => account.Email,
    };
}
