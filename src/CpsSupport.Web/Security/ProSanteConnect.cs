using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CpsSupport.Web.Security;

/// <summary>Settings of <c>Authentication:ProSanteConnect</c>; off unless <see cref="Enabled"/>.</summary>
public sealed class ProSanteConnectSettings
{
    public const string Section = "Authentication:ProSanteConnect";

    public bool Enabled { get; set; }
    /// <summary>Issuer whose discovery document is read, e.g. https://auth.esante.gouv.fr/auth/realms/esante-wallet.</summary>
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
}

/// <summary>
/// Sign-in with Pro Santé Connect (ANS), OpenID Connect code flow with PKCE, e-CPS or CPS card authentication.
/// The national identifier (8+RPPS, 0+ADELI) comes from the userinfo claim <c>SubjectNameID</c> (also in
/// <c>preferred_username</c>); <c>sub</c> is not used since PSC does not document it as the national identifier.
/// It is matched against Person.NationalId of the person linked to an AppUser: PSC never creates accounts.
/// </summary>
public static class ProSanteConnect
{
    public const string Scheme = "ProSanteConnect";
    public const string DisplayName = "Pro Santé Connect";
    public const string CallbackPath = "/signin-psc";
    public const string NationalIdClaim = "SubjectNameID";
    /// <summary>eIDAS "substantial" level, what PSC requires for CPS and e-CPS authentication.</summary>
    public const string AcrValues = "eidas1";

    public static AuthenticationBuilder AddProSanteConnect(this AuthenticationBuilder builder, ProSanteConnectSettings settings)
    {
        if (!settings.Enabled) return builder;
        return builder.AddOpenIdConnect(Scheme, DisplayName, o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("scope_all");
            o.CallbackPath = CallbackPath;
            o.GetClaimsFromUserInfoEndpoint = true;
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.ClaimActions.MapUniqueJsonKey(NationalIdClaim, NationalIdClaim);
            o.ClaimActions.MapUniqueJsonKey("preferred_username", "preferred_username");
            o.Events.OnRedirectToIdentityProvider = context =>
            {
                context.ProtocolMessage.AcrValues = AcrValues;
                return Task.CompletedTask;
            };
        });
    }
}
