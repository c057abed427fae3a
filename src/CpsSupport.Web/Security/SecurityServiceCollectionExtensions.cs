using CpsSupport.Data;
using CpsSupport.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CpsSupport.Web.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// ASP.NET Core Identity on CpsDbContext with the cookie for the Blazor app, the bearer scheme for the API,
    /// Pro Santé Connect when configured, the authorization policies and the web <see cref="ICurrentActor"/>.
    /// </summary>
    public static IServiceCollection AddCpsSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<AppUser, IdentityRole<Guid>>(o =>
            {
                // Length over complexity (ANSSI): 12 characters, mixed case and a digit.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<CpsDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "CpsSupport.Auth";
            o.Cookie.HttpOnly = true;
            // The app runs on http://localhost in development; behind TLS the cookie is Secure.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = AccountEndpoints.LoginPage;
            o.AccessDeniedPath = AccountEndpoints.AccessDeniedPage;
            o.ReturnUrlParameter = "ReturnUrl";
        });
        services.ConfigureExternalCookie(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });

        var psc = configuration.GetSection(ProSanteConnectSettings.Section);
        services.Configure<ProSanteConnectSettings>(psc);
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddProSanteConnect(psc.Get<ProSanteConnectSettings>() ?? new ProSanteConnectSettings());
        services.AddAuthorizationBuilder().AddCpsPolicies();

        // Identity's EF stores take the context itself; the library registers only its (scoped) factory.
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<CpsDbContext>>().CreateDbContext());

        services.AddHttpContextAccessor();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<CircuitUserHolder>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, UserCircuitHandler>());
        services.Replace(ServiceDescriptor.Scoped<ICurrentActor, WebCurrentActor>());
        return services;
    }
}
