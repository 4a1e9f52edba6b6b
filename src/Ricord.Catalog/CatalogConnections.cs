using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ricord.Catalog;

/// <summary>One catalog's raw ADO.NET connections, with the settings its EF Core contexts use
/// (<see cref="CatalogDbContextFactory"/>), so the hot paths (ingest, the migration check) never build EF Core's
/// model. Both paths share a pool: the same connection string on SQLite (pragmas once per physical connection,
/// <see cref="SqlitePragmas"/>) and on PostgreSQL, whose per-connection-string pool EF Core's contexts use too (an
/// NpgsqlDataSource per catalog would be a second pool beside EF Core's, and one more thing to dispose).</summary>
internal sealed class CatalogConnections
{
    private readonly string _connectionString;

    public CatalogConnections(CatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider is not (CatalogProvider.Sqlite or CatalogProvider.Postgres))
        {
            throw new CatalogException($"Unknown catalog provider {options.Provider}.");
        }

        Provider = options.Provider;
        Pragmas = new SqlitePragmas(options.BusyTimeout);
        _connectionString = Provider == CatalogProvider.Sqlite ? SqliteConnectionString(options) : options.ResolveConnectionString();
    }

    public CatalogProvider Provider { get; }

    /// <summary>Shared with the catalog's EF Core options, so a pooled connection gets its pragmas once.</summary>
    public SqlitePragmas Pragmas { get; }

    /// <summary>The SQLite connection string of both paths: pooled, and a command timeout as long as the busy timeout.</summary>
    public static string SqliteConnectionString(CatalogOptions options) =>
        new SqliteConnectionStringBuilder(options.ResolveConnectionString())
        {
            DefaultTimeout = Math.Max(1, (int)options.BusyTimeout.TotalSeconds),
            Pooling = true,
        }.ConnectionString;

    /// <summary>An open connection from the pool; the caller disposes it (back to the pool).</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = Provider == CatalogProvider.Sqlite ? NewSqlite() : NewPostgres();
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            if (Provider == CatalogProvider.Sqlite)
            {
                await Pragmas.ApplyAsync(connection, ct).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A writing transaction, as EF Core's <c>BeginTransactionAsync</c> gave it before. SQLite: BEGIN
    /// IMMEDIATE (what Microsoft.Data.Sqlite runs for Serializable), so the write lock is taken up front and
    /// writers queue on the busy timeout instead of failing on a read-to-write upgrade. PostgreSQL: READ
    /// COMMITTED, where INSERT … ON CONFLICT waits for a concurrent inserter of the same key and then sees its row.</summary>
    public static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(IsolationLevel.Serializable, deferred: false)
            : await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct).ConfigureAwait(false);

    /// <summary>PostgreSQL's retryable failures (deadlock, serialization), without loading Npgsql on SQLite.</summary>
    public bool IsTransient(DbException e) =>
        Provider == CatalogProvider.Postgres && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure;

    // Not inlined into OpenAsync: a ReadyToRun method resolves the types it names on entry, which would load the
    // other provider's assemblies too (Npgsql and System.Transactions on SQLite).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private DbConnection NewSqlite() => new SqliteConnection(_connectionString);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private DbConnection NewPostgres() => new NpgsqlConnection(_connectionString);
}
