namespace CpsSupport.Features.Requests;

/// <summary>The French words of the request enums, for the timeline texts written by the library and for the screens.</summary>
public static class RequestLabels
{
    public static string Status(RequestStatus status) => status switch
    {
        RequestStatus.Draft => "Brouillon",
        RequestStatus.Submitted => "Soumise",
        RequestStatus.MissingPieces => "Pièces manquantes",
        RequestStatus.Validated => "Validée",
        RequestStatus.InProgress => "En cours de traitement",
        RequestStatus.Completed => "Traitée",
        RequestStatus.Rejected => "Rejetée",
        _ => status.ToString(),
    };

    public static string Channel(RequestChannel channel) => channel switch
    {
        RequestChannel.Mail => "courrier ou courriel (formulaire)",
        RequestChannel.Phone => "téléphone",
        RequestChannel.Tom => "TOM",
        RequestChannel.Tops => "TOPS",
        RequestChannel.Portal => "portail",
        _ => channel.ToString(),
    };

    public static string Form(FormCode form) => form switch
    {
        FormCode.F101 => "F101 — Carte de représentant légal",
        FormCode.F201 => "F201 — CPS des auxiliaires médicaux salariés",
        FormCode.F301 => "F301 — Cartes de personnel de structure",
        FormCode.F414 => "F414 — Cartes de test",
        FormCode.F501 => "F501 — Déclaration d'incident",
        FormCode.F502 => "F502 — Désignation ou suppression de mandataires",
        FormCode.F503 => "F503 — Administrateurs techniques de certificats logiciels",
        FormCode.F504 => "F504 — Changement d'adresse de livraison des cartes",
        FormCode.F413 => "F413 — Déclaration des administrateurs techniques",
        _ => form.ToString(),
    };
}
