namespace CpsSupport.Features.Cards;

/// <summary>The CPx card family.</summary>
public enum CardType
{
    /// <summary>Carte de professionnel de santé (RPPS or ADELI professions).</summary>
    Cps,
    /// <summary>Carte de professionnel de santé en formation (students).</summary>
    Cpf,
    /// <summary>Carte de personnel d'établissement (staff of a care structure).</summary>
    Cpe,
    /// <summary>Carte de directeur d'établissement (head of a care structure).</summary>
    Cde,
    /// <summary>Carte de personnel autorisé (staff of a health-domain structure giving no care).</summary>
    Cpa,
    /// <summary>Carte de directeur d'organisme autorisé.</summary>
    Cda,
    /// <summary>Test card for integrators (F414); its PIN is 1234.</summary>
    Test,
}
