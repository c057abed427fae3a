using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using CpsSupport.Features.Accounts;
using CpsSupport.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CpsSupport.Web.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer cps_…</c> against the hashed tokens of <see cref="ApiTokenService"/>;
/// answers challenges and refusals with French problem details.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokenService tokens, UserManager<AppUser> users, IUserClaimsPrincipalFactory<AppUser> principals,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var token = header[BearerPrefix.Length..].Trim();
        if (token.Length == 0) return AuthenticateResult.Fail("Empty bearer token.");

        var owner = await tokens.ValidateAsync(token, Context.RequestAborted);
        if (owner is null) return AuthenticateResult.Fail("Unknown, expired or revoked token.");
        var user = await users.FindByIdAsync(owner.UserId.ToString());
        if (user is null) return AuthenticateResult.Fail("Token owner not found.");

        var identityPrincipal = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(identityPrincipal.Claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(CpsClaimTypes.ApiTokenId, owner.TokenId.ToString()));
        identity.AddClaim(new Claim(CpsClaimTypes.ApiTokenKind, owner.Kind.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var tokenRejected = result.Failure is not null;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = tokenRejected ? "Bearer error=\"invalid_token\"" : "Bearer";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, tokenRejected
            ? "Le jeton d'accès est invalide, expiré ou révoqué."
            : "Cette API exige un jeton d'accès : en-tête « Authorization: Bearer <jeton> ».");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteProblemAsync(StatusCodes.Status403Forbidden, "Vos droits ne permettent pas cette opération.");
    }

    private async Task WriteProblemAsync(int status, string detail)
    {
        var context = new ProblemDetailsContext { HttpContext = Context, ProblemDetails = { Status = status, Detail = detail } };
        // WriteAsync throws (a 500) when the Accept header excludes JSON, e.g. "Accept: text/html": the API answers JSON anyway.
        if (await problems.TryWriteAsync(context)) return;
        context.ProblemDetails.Title = FrenchProblemDetails.Title(status);
        await Response.WriteAsJsonAsync(context.ProblemDetails, (JsonSerializerOptions?)null, "application/problem+json");
    }
}
