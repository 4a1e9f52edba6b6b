using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ricord.Catalog;

/// <summary>Raw ADO.NET commands on a context's connection and transaction. The SQL is written once for both
/// providers: double-quoted identifiers, @name parameters, INSERT … ON CONFLICT and RETURNING.</summary>
internal static class CatalogCommand
{
    /// <summary>Opens the context's connection if needed (EF closes it when the context is disposed).</summary>
    public static async Task<DbCommand> CreateAsync(CatalogDbContext db, string sql, CancellationToken ct, (string Name, object? Value)[] parameters)
    {
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        }

        return Create(db, sql, parameters);
    }

    public static DbCommand Create(CatalogDbContext db, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }

        return command;
    }

    public static async Task<long?> ScalarAsync(
        CatalogDbContext db, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        var command = await CreateAsync(db, sql, ct, parameters).ConfigureAwait(false);
        await using (command.ConfigureAwait(false))
        {
            var value = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
            return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public static async Task<(long A, string? B)?> RowAsync(
        CatalogDbContext db, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        var command = await CreateAsync(db, sql, ct, parameters).ConfigureAwait(false);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    return null;
                }

                var b = reader.FieldCount < 2 || reader.IsDBNull(1) ? null : Convert.ToString(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
                return (reader.GetInt64(0), b);
            }
        }
    }

    public static async Task<int> ExecuteAsync(
        CatalogDbContext db, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        var command = await CreateAsync(db, sql, ct, parameters).ConfigureAwait(false);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }
}
