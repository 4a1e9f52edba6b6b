using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;

namespace Ricord.Tests.Catalog;

/// <summary>A catalog created from the embedded script against one EF Core's MigrateAsync creates, and concurrent
/// creation of one fresh catalog; run on each provider by <see cref="CatalogSchemaTests"/>.</summary>
internal static class CatalogSchemaScenarios
{
    private static readonly CancellationToken None = CancellationToken.None;

    public static async Task ScriptCreatesWhatEfCoreMigrates(CatalogProvider provider)
    {
        await using var script = await TestCatalog.CreateEmptyAsync(provider);
        await using var ef = await TestCatalog.CreateEmptyAsync(provider);
        var connection = await new CatalogConnections(script.Options).OpenAsync(None);
        await using (connection)
        {
            Assert.True(await CatalogSchema.CreateAsync(connection, provider, None));
            Assert.False(await CatalogSchema.CreateAsync(connection, provider, None)); // not empty any more: nothing done
        }

        await using (var db = ef.Db())
        {
            await db.Database.MigrateAsync();
        }

        foreach (var t in new[] { script, ef })
        {
            await using var db = t.Db();
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges());
        }

        Assert.Equal(await SchemaAsync(ef, provider), await SchemaAsync(script, provider));
    }

    /// <summary>Four catalogs open one fresh database at once: one creates it, the others find it created.</summary>
    public static async Task ConcurrentFirstOpensCreateOneCatalog(CatalogProvider provider)
    {
        await using var t = await TestCatalog.CreateEmptyAsync(provider);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new DatabaseCatalog(t.Options).MigrateAsync(None))));
        await using var db = t.Db();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        await t.Catalog.EnsureCollectionAsync(TestCatalog.Collection, null, None);
        await t.Catalog.EnsureSiteAsync(TestCatalog.Site, "site", None);
        Assert.Equal(InstanceInsertStatus.Inserted, (await t.Catalog.AddInstanceAsync(TestCatalog.Instance("1.2.3.1.1.1"), None)).Status);
    }

    /// <summary>The schema as sorted text rows: SQLite's sqlite_master (EF Core's migration lock table aside: EF
    /// creates it to lock, the script needs no lock table); PostgreSQL's columns, indexes and constraints; and the
    /// history rows.</summary>
    private static async Task<List<string>> SchemaAsync(TestCatalog t, CatalogProvider provider)
    {
        string[] queries = provider == CatalogProvider.Sqlite
            ? ["SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT IN ('__EFMigrationsLock') ORDER BY type, name"]
            :
            [
                """
                SELECT table_name, column_name, ordinal_position, data_type, character_maximum_length, is_nullable,
                       column_default, is_identity, identity_generation, udt_name
                FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY 1, 3
                """,
                "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1, 2",
                """
                SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
                WHERE connamespace = current_schema()::regnamespace ORDER BY 1, 2
                """,
                "SELECT sequence_name, data_type FROM information_schema.sequences WHERE sequence_schema = current_schema() ORDER BY 1",
            ];
        var rows = new List<string>();
        var connection = await new CatalogConnections(t.Options).OpenAsync(None);
        await using (connection)
        {
            foreach (var sql in queries.Append("""SELECT "MigrationId", "ProductVersion" FROM "__EFMigrationsHistory" ORDER BY 1"""))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await using DbDataReader reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : reader.GetValue(i).ToString())));
                }
            }
        }

        Assert.NotEmpty(rows);
        return rows;
    }
}
