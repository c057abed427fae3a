namespace CpsSupport.Web.Security;

/// <summary>Claims added to the Identity ones by <see cref="AppUserClaimsPrincipalFactory"/> and the bearer handler.</summary>
public static class CpsClaimTypes
{
    public const string DisplayName = "cps:display_name";
    public const string PersonId = "cps:person_id";
    /// <summary>Id of the API token that authenticated the request.</summary>
    public const string ApiTokenId = "cps:api_token_id";
    /// <summary>Kind (Session or Personal) of the API token that authenticated the request.</summary>
    public const string ApiTokenKind = "cps:api_token_kind";
}
