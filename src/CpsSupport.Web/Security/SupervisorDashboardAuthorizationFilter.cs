using CpsSupport.Features.Accounts;
using Hangfire.Dashboard;

namespace CpsSupport.Web.Security;

/// <summary>The Hangfire dashboard (retry, delete, trigger jobs) is for supervisors signed in with the cookie.</summary>
internal sealed class SupervisorDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User is { Identity.IsAuthenticated: true } user && user.IsInRole(Roles.Supervisor);
}
