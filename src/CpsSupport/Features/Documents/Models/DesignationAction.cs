namespace CpsSupport.Features.Documents.Models;

/// <summary>What a line of F502 (mandataries) or F503 (technical administrators) asks: add the person, or remove them.</summary>
public enum DesignationAction
{
    Designate,
    Remove,
}
