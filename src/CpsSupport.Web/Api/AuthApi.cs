using System.Globalization;
using CpsSupport.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace CpsSupport.Web.Api;

public sealed record TokenRequest(string? Email, string? Password);

public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);

/// <summary><c>POST /api/v1/auth/token</c>: exchanges an e-mail and password for an 8-hour session token.</summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", CreateTokenAsync)
            .AllowAnonymous()
            .WithTags("Authentification")
            .WithSummary("Ouvre une session API de 8 heures")
            .WithDescription("Le mot de passe suit les règles du site : 5 échecs consécutifs verrouillent le compte 15 minutes (réponse 423).");
        return api;
    }

    /// <summary>
    /// Same lock-out as the sign-in page (the password check counts failures). A locked account answers
    /// 423 Locked with Retry-After, chosen over 403 so clients can tell "wait" from "not allowed".
    /// </summary>
    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> CreateTokenAsync(
        TokenRequest request, HttpContext context, UserManager<AppUser> userManager, SignInManager<AppUser> signInManager,
        ApiTokenService tokens, TimeProvider clock, CancellationToken ct)
    {
        var user = string.IsNullOrWhiteSpace(request.Email) ? null : await userManager.FindByEmailAsync(request.Email.Trim());
        if (user is null || string.IsNullOrEmpty(request.Password)) return BadCredentials();

        var result = await signInManager.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            var end = await userManager.GetLockoutEndDateAsync(user);
            var seconds = end is { } e ? Math.Max(1, (int)Math.Ceiling((e - clock.GetUtcNow()).TotalSeconds)) : 900;
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status423Locked,
                detail: "Compte verrouillé après plusieurs tentatives infructueuses. Réessayez dans 15 minutes.");
        }
        if (!result.Succeeded) return BadCredentials();

        var token = await tokens.CreateSessionAsync(user.Id, ct);
        return TypedResults.Ok(new TokenResponse(token.Token, token.ExpiresAt));
    }

    private static ProblemHttpResult BadCredentials() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: "Adresse électronique ou mot de passe incorrect.");
}
