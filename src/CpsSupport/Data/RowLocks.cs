using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Data;

/// <summary>
/// SELECT … FOR UPDATE on one row, inside the caller's transaction: a second workflow on the same card, request or
/// structure waits for the first to commit, then reads what it did. Lock first, then load: the load sees the winner's
/// change.
/// </summary>
internal static class RowLocks
{
    /// <summary>Locks the row of <typeparamref name="T"/> with this id; false when there is none.</summary>
    public static async Task<bool> LockAsync<T>(this CpsDbContext db, Guid id, CancellationToken ct) where T : class
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("A row lock needs an open transaction.");
        var table = db.Model.FindEntityType(typeof(T))?.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        // The table name comes from the EF model, never from input.
        var sql = "SELECT id AS \"Value\" FROM \"" + table + "\" WHERE id = {0} FOR UPDATE";
        var rows = await db.Database.SqlQueryRaw<Guid>(sql, id).ToListAsync(ct);
        return rows.Count == 1;
    }
}
