using System.Security.Claims;
using CpsSupport.Data;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Tests.TestUtilities;

/// <summary>A context factory on a test database, as the services get it in the application.</summary>
public sealed class TestDbContextFactory(TestDatabase database, TimeProvider? clock = null) : IDbContextFactory<CpsDbContext>
{
    public CpsDbContext CreateDbContext() => database.CreateContext(clock);
}

public static class TestPrincipals
{
    /// <summary>A signed-in principal with the given user id and roles, as cookie or bearer auth would build it.</summary>
    public static ClaimsPrincipal User(Guid userId, params string[] roles) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId.ToString()), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            authenticationType: "test"));
}
