using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Ricord.Catalog;

namespace Ricord.Cli.Tests.Commands;

/// <summary>The catalog's write lock held by the test, so that a writer's next catalog transaction waits: on SQLite
/// an immediate (write) transaction; on PostgreSQL the Instances and BlobIntents tables locked in SHARE mode, which
/// blocks every insert and delete into them. Disposing rolls the transaction back.</summary>
internal sealed class CatalogWriteLock : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;

    private CatalogWriteLock(DbConnection connection, DbTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<CatalogWriteLock> TakeAsync(CatalogOptions options)
    {
        if (options.Provider == CatalogProvider.Sqlite)
        {
            var sqlite = new SqliteConnection($"Data Source={Path.Combine(options.DataDirectory!, "catalog.db")};Pooling=False");
            await sqlite.OpenAsync();
            return new CatalogWriteLock(sqlite, sqlite.BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: false));
        }

        var postgres = new NpgsqlConnection(options.ConnectionString);
        await postgres.OpenAsync();
        var transaction = await postgres.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("""LOCK TABLE "Instances", "BlobIntents" IN SHARE MODE""", postgres, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        return new CatalogWriteLock(postgres, transaction);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
