namespace CpsSupport.Features.Documents.Models;

/// <summary>The incidents an F501 declares; templates compare them in snake_case (<c>codes_not_received</c>).</summary>
public enum IncidentKind
{
    Loss,
    Theft,
    Malfunction,
    CardNotReceived,
    CodesNotReceived,
}
