using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Ricord.Catalog;

namespace Ricord.CatalogBench;

/// <summary>Loads the synthetic catalog with explicit ids and exact counters: one transaction of prepared
/// INSERTs on SQLite, binary COPY on PostgreSQL. Loading speed is not what the bench measures.</summary>
internal static class BulkLoader
{
    public static async Task LoadAsync(CatalogOptions options, SyntheticCatalog s)
    {
        var rows = new SyntheticRows(s);
        if (options.Provider == CatalogProvider.Sqlite)
        {
            await LoadSqliteAsync(options.ResolveConnectionString(), rows);
        }
        else
        {
            await LoadPostgresAsync(options.ResolveConnectionString(), rows);
        }
    }

    private static async Task LoadSqliteAsync(string connectionString, SyntheticRows rows)
    {
        await using var conn = new SqliteConnection(connectionString);
        await conn.OpenAsync();
        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync();
        foreach (var (table, columns, data) in rows.Tables())
        {
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
            var parameters = columns.Select((_, i) => cmd.Parameters.Add(new SqliteParameter($"@p{i}", null))).ToArray();
            cmd.Prepare();
            foreach (var row in data)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    parameters[i].Value = row[i];
                }

                await cmd.ExecuteNonQueryAsync();
            }
        }

        await tx.CommitAsync();
        await using var analyze = conn.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task LoadPostgresAsync(string connectionString, SyntheticRows rows)
    {
        // No command timeout for the load, and no per-row foreign-key triggers (the rows are consistent by
        // construction; needs a superuser, as the throwaway bench server has).
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await conn.OpenAsync();
        await Execute(conn, "SET session_replication_role = replica");
        foreach (var (table, columns, data) in rows.Tables())
        {
            await using (var writer = await conn.BeginBinaryImportAsync(
                $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var row in data)
                {
                    await writer.WriteRowAsync(default, row);
                }

                await writer.CompleteAsync();
            }

            await Execute(conn, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT max(\"Id\") FROM \"{table}\"))");
        }

        await Execute(conn, "SET session_replication_role = DEFAULT");
        await Execute(conn, "VACUUM ANALYZE");
    }

    private static async Task Execute(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}
