namespace CpsSupport.Features.Requests;

/// <summary>
/// Where a filed form stands; one workflow for every form (incidents F501–F504 and orders F101–F414),
/// see <see cref="RequestWorkflow"/>. Stored by name.
/// </summary>
public enum RequestStatus
{
    /// <summary>Brouillon: being written, not yet sent to the desk.</summary>
    Draft,
    /// <summary>Soumise: filed, waiting for the desk's check.</summary>
    Submitted,
    /// <summary>Pièces manquantes: the desk waits for pieces from the requester (reminders, then automatic closure).</summary>
    MissingPieces,
    /// <summary>Validée: complete and allowed by the rules.</summary>
    Validated,
    /// <summary>En cours de traitement: effects under way (production, shipping…).</summary>
    InProgress,
    /// <summary>Traitée: done.</summary>
    Completed,
    /// <summary>Rejetée: refused or closed, always with a reason.</summary>
    Rejected,
}
