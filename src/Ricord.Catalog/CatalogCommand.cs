using System.Data.Common;
using System.Globalization;

namespace Ricord.Catalog;

/// <summary>Raw ADO.NET commands on an open connection and its transaction (<see cref="CatalogConnection"/>), or on
/// a context's (CatalogCommand.Context.cs). The SQL is written once for both providers: double-quoted identifiers,
/// @name parameters, INSERT … ON CONFLICT and RETURNING.</summary>
internal static partial class CatalogCommand
{
    public static DbCommand Create(CatalogConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = connection.Transaction;
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
        CatalogConnection connection, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        var command = Create(connection, sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            var value = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
            return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
    }

    public static async Task<(long A, string? B)?> RowAsync(
        CatalogConnection connection, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        var command = Create(connection, sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    return null;
                }

                var b = reader.FieldCount < 2 || reader.IsDBNull(1) ? null : Convert.ToString(reader.GetValue(1), CultureInfo.InvariantCulture);
                return (reader.GetInt64(0), b);
            }
        }
    }

    /// <summary>The first column of every row, as text.</summary>
    public static async Task<List<string>> ColumnAsync(
        CatalogConnection connection, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        var command = Create(connection, sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var values = new List<string>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
                }

                return values;
            }
        }
    }

    public static async Task<int> ExecuteAsync(
        CatalogConnection connection, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        var command = Create(connection, sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }
}
