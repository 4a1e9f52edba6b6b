using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ricord.Catalog;

/// <summary>The same commands on an EF Core context's connection and current transaction, for callers that
/// already hold a context.</summary>
internal static partial class CatalogCommand
{
    /// <summary>The context's connection, opened if needed (EF closes it when the context is disposed), and its
    /// current transaction.</summary>
    public static async Task<CatalogConnection> ConnectionAsync(CatalogDbContext db, CancellationToken ct)
    {
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        }

        return new CatalogConnection(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction());
    }

    public static async Task<long?> ScalarAsync(
        CatalogDbContext db, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        await ScalarAsync(await ConnectionAsync(db, ct).ConfigureAwait(false), sql, ct, parameters).ConfigureAwait(false);

    public static async Task<int> ExecuteAsync(
        CatalogDbContext db, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        await ExecuteAsync(await ConnectionAsync(db, ct).ConfigureAwait(false), sql, ct, parameters).ConfigureAwait(false);
}
