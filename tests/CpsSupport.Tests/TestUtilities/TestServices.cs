using System.Security.Claims;
using CpsSupport.Data;
using CpsSupport.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

public static class TestServices
{
    /// <summary>
    /// The library's services on a test database with ASP.NET Core Identity on <see cref="CpsDbContext"/>, as the web app
    /// wires them (Identity's stores take the context itself), and the given clock.
    /// </summary>
    public static ServiceProvider WithIdentity(TestDatabase database, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddCpsSupport(database.ConnectionString);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CpsDbContext>>().CreateDbContext());
        services.AddIdentityCore<AppUser>().AddRoles<IdentityRole<Guid>>().AddEntityFrameworkStores<CpsDbContext>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
