using System.Security.Claims;
using CpsSupport.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CpsSupport.Web.Tests.TestUtilities;

/// <summary>
/// The application with Pro Santé Connect enabled; the provider's metadata is given by hand so no request leaves
/// the test (the discovery document is never fetched). <see cref="ExternalSignInPath"/> stands in for the provider's
/// return: it sets the external cookie the OpenID Connect handler would set after a successful PSC sign-in.
/// </summary>
public sealed class ProSanteConnectFactory() : CpsWebApplicationFactory(new Dictionary<string, string?>
{
    [$"{ProSanteConnectSettings.Section}:Enabled"] = "true",
    [$"{ProSanteConnectSettings.Section}:Authority"] = Authority,
    [$"{ProSanteConnectSettings.Section}:ClientId"] = ClientId,
    [$"{ProSanteConnectSettings.Section}:ClientSecret"] = "secret-de-test",
})
{
    public const string Authority = "https://psc.example.test/auth/realms/esante-wallet";
    public const string ClientId = "cps-support-tests";
    public const string AuthorizationEndpoint = Authority + "/protocol/openid-connect/auth";
    /// <summary>GET with <c>?claim=…&amp;value=…</c>: signs the external scheme in with that one PSC claim.</summary>
    public const string ExternalSignInPath = "/tests/psc-external";

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        // Set before the handler's post-configuration, which then uses it instead of building a ConfigurationManager.
        services.Configure<OpenIdConnectOptions>(ProSanteConnect.Scheme, o => o.Configuration = new OpenIdConnectConfiguration
        {
            Issuer = Authority,
            AuthorizationEndpoint = AuthorizationEndpoint,
            TokenEndpoint = Authority + "/protocol/openid-connect/token",
            UserInfoEndpoint = Authority + "/protocol/openid-connect/userinfo",
            EndSessionEndpoint = Authority + "/protocol/openid-connect/logout",
        });
        services.AddSingleton<IStartupFilter, ExternalSignInStartupFilter>();
    }

    private sealed class ExternalSignInStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // Not app.Map: it would move the path into PathBase, and the cookie would be scoped to it.
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path != ExternalSignInPath)
                {
                    await nextMiddleware(context);
                    return;
                }
                var claim = new Claim(context.Request.Query["claim"].ToString(), context.Request.Query["value"].ToString());
                var identity = new ClaimsIdentity([claim], ProSanteConnect.Scheme);
                await context.SignInAsync(IdentityConstants.ExternalScheme, new ClaimsPrincipal(identity),
                    new AuthenticationProperties { Items = { ["LoginProvider"] = ProSanteConnect.Scheme } });
            });
            next(app);
        };
    }
}
