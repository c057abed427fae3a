using System.Security.Claims;

namespace CpsSupport.Web.Security;

/// <summary>
/// The user of the current Blazor circuit, kept up to date by <see cref="UserCircuitHandler"/>: services of the
/// circuit scope cannot rely on IHttpContextAccessor (ASP.NET Core docs, "circuit handler to capture users").
/// </summary>
public sealed class CircuitUserHolder
{
    public ClaimsPrincipal? User { get; private set; }

    internal void Set(ClaimsPrincipal user) => User = user;
}
