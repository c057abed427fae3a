using CpsSupport.Features.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CpsSupport.Web.Security;

/// <summary>
/// Sign-in and sign-out as plain HTTP endpoints: the authentication cookie can only be set on a real HTTP response,
/// never from an interactive Blazor circuit. The <c>/connexion</c> page posts its form here.
/// </summary>
public static class AccountEndpoints
{
    public const string LoginPage = "/connexion";
    public const string AccessDeniedPage = "/acces-refuse";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        // [FromForm] makes the antiforgery middleware validate the token of the posted form.
        account.MapPost("/login", LoginAsync);
        account.MapPost("/logout", LogoutAsync).WithMetadata(new RequireAntiforgeryTokenAttribute());
        account.MapGet("/login/psc", ChallengeProSanteConnect);
        account.MapGet("/login/psc/callback", ProSanteConnectCallbackAsync);
        return app;
    }

    /// <summary>The form of the sign-in page.</summary>
    public sealed class LoginForm
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? ReturnUrl { get; set; }
    }

    /// <summary>Password sign-in; 5 failures in a row lock the account for 15 minutes (see Identity options).</summary>
    private static async Task<IResult> LoginAsync([FromForm] LoginForm form, UserManager<AppUser> userManager, SignInManager<AppUser> signInManager)
    {
        var returnUrl = LocalOrRoot(form.ReturnUrl);
        var user = string.IsNullOrWhiteSpace(form.Email) ? null : await userManager.FindByEmailAsync(form.Email.Trim());
        if (user is null || string.IsNullOrEmpty(form.Password)) return Results.Redirect(LoginError(AccountErrors.InvalidCredentials, returnUrl));

        var result = await signInManager.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return Results.LocalRedirect(returnUrl);
        return Results.Redirect(LoginError(result.IsLockedOut ? AccountErrors.LockedOut : AccountErrors.InvalidCredentials, returnUrl));
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, SignInManager<AppUser> signInManager)
    {
        // The antiforgery middleware only records its verdict; an endpoint binding no form must enforce it itself.
        if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true }) return Results.BadRequest();
        await signInManager.SignOutAsync();
        return Results.LocalRedirect(LoginPage);
    }

    private static IResult ChallengeProSanteConnect(string? returnUrl, IOptions<ProSanteConnectSettings> psc, SignInManager<AppUser> signInManager)
    {
        if (!psc.Value.Enabled) return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: "La connexion Pro Santé Connect n'est pas activée.");
        var callback = QueryHelpers.AddQueryString("/account/login/psc/callback", "returnUrl", LocalOrRoot(returnUrl));
        var properties = signInManager.ConfigureExternalAuthenticationProperties(ProSanteConnect.Scheme, callback);
        return Results.Challenge(properties, [ProSanteConnect.Scheme]);
    }

    /// <summary>
    /// After PSC: the national identifier must belong to the person linked to an existing account, otherwise access is
    /// refused; accounts are never created from PSC.
    /// </summary>
    private static async Task<IResult> ProSanteConnectCallbackAsync(
        string? returnUrl, HttpContext context, IOptions<ProSanteConnectSettings> psc,
        UserManager<AppUser> userManager, SignInManager<AppUser> signInManager, CancellationToken ct)
    {
        if (!psc.Value.Enabled) return Results.NotFound();
        var target = LocalOrRoot(returnUrl);
        var external = await context.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await context.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded) return Results.Redirect(LoginError(AccountErrors.PscFailed, target));

        var nationalId = external.Principal.FindFirst(ProSanteConnect.NationalIdClaim)?.Value
            ?? external.Principal.FindFirst("preferred_username")?.Value;
        var user = string.IsNullOrWhiteSpace(nationalId)
            ? null
            : await userManager.Users.Where(u => u.Person != null && u.Person.NationalId == nationalId.Trim()).SingleOrDefaultAsync(ct);
        if (user is null) return Results.Redirect(QueryHelpers.AddQueryString(AccessDeniedPage, "erreur", AccountErrors.PscUnknownUser));
        if (await userManager.IsLockedOutAsync(user)) return Results.Redirect(LoginError(AccountErrors.LockedOut, target));

        await signInManager.SignInAsync(user, isPersistent: false, authenticationMethod: ProSanteConnect.Scheme);
        return Results.LocalRedirect(target);
    }

    private static string LoginError(string code, string returnUrl) =>
        QueryHelpers.AddQueryString(LoginPage, new Dictionary<string, string?> { ["erreur"] = code, ["ReturnUrl"] = returnUrl });

    /// <summary>Only same-site paths are followed after sign-in (no open redirect).</summary>
    internal static string LocalOrRoot(string? url) => IsLocalUrl(url) ? url! : "/";

    internal static bool IsLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
