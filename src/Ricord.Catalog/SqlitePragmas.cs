using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Ricord.Catalog;

/// <summary>The durability pragmas of every SQLite connection the catalog opens, through EF Core
/// (<see cref="SqlitePragmaInterceptor"/>) or raw (<see cref="CatalogConnections"/>): WAL journal, synchronous=FULL
/// (a committed transaction survives power loss; never traded for speed), foreign keys, and a busy timeout so
/// concurrent writers queue instead of failing. One instance per catalog, shared by both paths.</summary>
internal sealed class SqlitePragmas(TimeSpan busyTimeout)
{
    private readonly string _pragmas =
        $"PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout={(int)busyTimeout.TotalMilliseconds};";

    // Pooled connections keep their pragmas: run them once per physical connection (its native handle).
    private readonly ConditionalWeakTable<object, object> _configured = [];

    // journal_mode is stored in the database file, so it is set on the first open only.
    private int _walSet;

    private string Pragmas => Interlocked.Exchange(ref _walSet, 1) == 0 ? "PRAGMA journal_mode=WAL; " + _pragmas : _pragmas;

    /// <summary>Applies the pragmas to a just-opened connection unless its physical connection has them already.</summary>
    public void Apply(DbConnection connection)
    {
        if (!NeedsPragmas(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    /// <inheritdoc cref="Apply"/>
    public async Task ApplyAsync(DbConnection connection, CancellationToken ct)
    {
        if (!NeedsPragmas(connection))
        {
            return;
        }

        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    private bool NeedsPragmas(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _configured.TryAdd(handle, handle);
}
