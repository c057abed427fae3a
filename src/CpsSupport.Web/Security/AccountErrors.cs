namespace CpsSupport.Web.Security;

/// <summary>
/// Codes the account endpoints put in <c>?erreur=</c> when redirecting to <c>/connexion</c> or <c>/acces-refuse</c>,
/// with the French message the page shows.
/// </summary>
public static class AccountErrors
{
    public const string InvalidCredentials = "identifiants";
    public const string LockedOut = "verrouille";
    public const string PscFailed = "psc";
    public const string PscUnknownUser = "psc-inconnu";

    public static string? Message(string? code) => code switch
    {
        InvalidCredentials => "Adresse électronique ou mot de passe incorrect.",
        LockedOut => "Compte verrouillé après plusieurs tentatives infructueuses. Réessayez dans 15 minutes.",
        PscFailed => "La connexion avec Pro Santé Connect n'a pas abouti. Réessayez ou connectez-vous avec votre mot de passe.",
        PscUnknownUser => "Aucun compte CpsSupport n'est rattaché à votre identifiant national. Contactez le support pour faire ouvrir vos accès.",
        _ => null,
    };
}
