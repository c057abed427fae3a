namespace CpsSupport.Features.Incidents;

/// <summary>The French words of the incident enums.</summary>
public static class IncidentLabels
{
    public static string Kind(IncidentKind kind) => kind switch
    {
        IncidentKind.Loss => "Perte",
        IncidentKind.Theft => "Vol",
        IncidentKind.Malfunction => "Dysfonctionnement",
        IncidentKind.CardNotReceived => "Carte non reçue",
        IncidentKind.CodesNotReceived => "Codes non reçus",
        IncidentKind.ForgottenPin => "Code oublié ou pli de codes perdu",
        IncidentKind.BlockedPin => "Code porteur bloqué",
        IncidentKind.Revocation => "Demande de mise en opposition",
        _ => kind.ToString(),
    };

    public static string Ground(RevocationGround ground) => ground switch
    {
        RevocationGround.EndOfPractice => "cessation d'activité",
        RevocationGround.LeftStructure => "départ de la structure",
        RevocationGround.AuthorityDecision => "décision d'une autorité",
        RevocationGround.Other => "autre motif",
        _ => ground.ToString(),
    };
}
