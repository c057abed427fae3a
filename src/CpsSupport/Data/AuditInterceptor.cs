using System.Text.Json;
using CpsSupport.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CpsSupport.Data;

/// <summary>
/// Stamps <see cref="IHasTimestamps"/> and writes one <see cref="AuditEvent"/> per changed <see cref="IAudited"/>
/// entity (owned addresses count as changes of their owner), in the same transaction as the change.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock, ICurrentActor actor) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not null) Audit(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not null) Audit(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Audit(DbContext context)
    {
        var now = clock.GetUtcNow();
        var events = new List<AuditEvent>();
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.Entity is IAudited).ToList())
        {
            var changes = new Dictionary<string, object?>();
            var state = entry.State;
            if (state is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                Collect(entry, "", changes);
            foreach (var owned in entry.References.Where(r => r.Metadata.TargetEntityType.IsOwned()))
            {
                if (owned.TargetEntry is { State: EntityState.Added or EntityState.Modified } target)
                    Collect(target, owned.Metadata.Name + ".", changes);
            }
            if (state == EntityState.Unchanged && changes.Count > 0) state = EntityState.Modified;
            if (state is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;

            if (entry.Entity is IHasTimestamps stamped && state != EntityState.Deleted)
            {
                if (state == EntityState.Added) stamped.CreatedAt = now;
                stamped.UpdatedAt = now;
            }
            events.Add(new AuditEvent
            {
                At = now,
                UserId = actor.UserId,
                Actor = actor.Name,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue)),
                Action = state.ToString(),
                Changes = JsonSerializer.Serialize(changes),
            });
        }
        context.AddRange(events);
    }

    private static void Collect(EntityEntry entry, string prefix, Dictionary<string, object?> changes)
    {
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsShadowProperty() || property.Metadata.Name is "CreatedAt" or "UpdatedAt") continue;
            switch (entry.State)
            {
                case EntityState.Added:
                    changes[prefix + property.Metadata.Name] = new { @new = Plain(property.CurrentValue) };
                    break;
                case EntityState.Deleted:
                    changes[prefix + property.Metadata.Name] = new { old = Plain(property.OriginalValue) };
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[prefix + property.Metadata.Name] = new { old = Plain(property.OriginalValue), @new = Plain(property.CurrentValue) };
                    break;
            }
        }
    }

    private static object? Plain(object? value) => value switch
    {
        Enum e => e.ToString(),
        DateOnly d => d.ToString("yyyy-MM-dd"),
        _ => value,
    };
}
