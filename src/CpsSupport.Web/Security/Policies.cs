using CpsSupport.Features.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace CpsSupport.Web.Security;

/// <summary>Authorization policies. Row-level filtering (which structure) is the job of AccessScope, not of these.</summary>
public static class Policies
{
    /// <summary>Every /api endpoint: a user authenticated by a bearer token, never by the cookie (no antiforgery on the API).</summary>
    public const string Api = "Api";
    /// <summary>Support desk staff: agents and supervisors.</summary>
    public const string Desk = "Desk";
    /// <summary>Portal users: structure managers and mandataries.</summary>
    public const string Portal = "Portal";
    public const string Supervisor = "Supervisor";

    public static AuthorizationBuilder AddCpsPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Api, p => p.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser())
        .AddPolicy(Desk, p => p.RequireRole(Roles.Agent, Roles.Supervisor))
        .AddPolicy(Portal, p => p.RequireRole(Roles.StructureManager, Roles.Mandatary))
        .AddPolicy(Supervisor, p => p.RequireRole(Roles.Supervisor));
}
