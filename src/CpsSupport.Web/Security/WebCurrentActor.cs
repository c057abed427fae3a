using System.Security.Claims;
using CpsSupport.Data;

namespace CpsSupport.Web.Security;

/// <summary>
/// The actor written in the audit trail: the circuit's user in Blazor, the request's user for HTTP calls (API, account
/// endpoints), "système" for background jobs and startup, which have neither.
/// </summary>
internal sealed class WebCurrentActor(CircuitUserHolder circuit, IHttpContextAccessor httpContextAccessor) : ICurrentActor
{
    private const string System = "système";
    private const string Anonymous = "anonyme";

    public Guid? UserId =>
        Guid.TryParse(AuthenticatedUser?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string Name => AuthenticatedUser is { } user
        ? user.FindFirstValue(CpsClaimTypes.DisplayName) ?? user.Identity?.Name ?? Anonymous
        : CurrentUser is null ? System : Anonymous;

    // Inside a circuit the HttpContext is absent or stale: the circuit's user wins whenever the handler has set it.
    private ClaimsPrincipal? CurrentUser => circuit.User ?? httpContextAccessor.HttpContext?.User;

    private ClaimsPrincipal? AuthenticatedUser => CurrentUser is { Identity.IsAuthenticated: true } user ? user : null;
}
