using System.Security.Claims;
using CpsSupport.Features.Accounts;

namespace CpsSupport.Features.Access;

/// <summary>
/// What a user may see: desk staff see everything; structure managers and mandataries see only the
/// structures they head or hold a running mandate for. Every service query filters through it.
/// </summary>
public sealed record AccessScope(Guid? UserId, bool IsDesk, bool IsSupervisor, IReadOnlySet<Guid> StructureIds)
{
    public static AccessScope Nobody { get; } = new(null, false, false, new HashSet<Guid>());

    public bool CanSeeStructure(Guid? structureId) => IsDesk || (structureId is { } id && StructureIds.Contains(id));

    public static bool IsDeskUser(ClaimsPrincipal user) => user.IsInRole(Roles.Agent) || user.IsInRole(Roles.Supervisor);
}
