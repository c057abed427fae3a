using CpsSupport.Features.Accounts;
using CpsSupport.Features.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CpsSupport.Data;

/// <summary>What every start needs before serving: the schema at the latest migration and the four roles.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<CpsDbContext> dbFactory, RoleManager<IdentityRole<Guid>> roleManager, ILogger<DatabaseInitializer> logger)
{
    /// <summary>Applies pending migrations; EF Core takes a database lock, so instances starting together apply them once.</summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count == 0) return;
        logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>Creates the roles of <see cref="Roles.All"/> that are missing; existing roles are left as they are.</summary>
    public async Task EnsureRolesAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
        {
            ct.ThrowIfCancellationRequested();
            if (await roleManager.RoleExistsAsync(role)) continue;
            var result = await roleManager.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
            if (!result.Succeeded)
                throw new InvalidOperationException($"Role {role} could not be created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            logger.LogInformation("Role {Role} created", role);
        }
    }

    /// <summary>The desk's queues, created once: supervisors rename or add them afterwards.</summary>
    public async Task EnsureReferenceDataAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.TicketQueues.AnyAsync(ct)) return;
        db.TicketQueues.AddRange(
            new TicketQueue { Name = "Accueil", SortOrder = 1 },
            new TicketQueue { Name = "Niveau 2", SortOrder = 2 },
            new TicketQueue { Name = "Commandes", SortOrder = 3 });
        await db.SaveChangesAsync(ct);
    }
}
