using CpsSupport.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CpsSupport.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database()
    {
        await using var database = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var db = database.CreateContext();

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Cards.CountAsync());
    }

    [Fact]
    public async Task Model_has_no_changes_missing_from_the_migrations()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await using var db = database.CreateContext();

        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/regenerate-migration.sh <Name> to add a migration.");
    }

    [Fact]
    public async Task Idempotent_sql_script_in_db_folder_matches_the_migrations()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await using var db = database.CreateContext();
        var expected = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var committed = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "db", "schema.sql"));

        Assert.True(Normalize(expected) == Normalize(committed), "db/schema.sql is stale: run scripts/regenerate-migration.sh");
    }

    [Fact]
    public async Task Idempotent_sql_script_runs_twice_on_a_fresh_database()
    {
        await using var database = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var db = database.CreateContext();
        var script = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "db", "schema.sql"));

        // Through Npgsql directly: the script holds literal braces ('{}') that EF's raw-SQL formatting would parse.
        for (var run = 0; run < 2; run++)
        {
            await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(script, connection);
            await command.ExecuteNonQueryAsync();
        }

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private static string Normalize(string sql) => sql.Trim('\uFEFF').ReplaceLineEndings("\n").Trim();
}
