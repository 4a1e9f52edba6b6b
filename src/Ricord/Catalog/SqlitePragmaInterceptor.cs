using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ricord.Catalog;

/// <summary>Sets the durability pragmas on every SQLite connection the catalog opens: WAL journal,
/// synchronous=FULL (a committed transaction survives power loss; never traded for speed) and a busy timeout
/// so concurrent writers queue instead of failing.</summary>
internal sealed class SqlitePragmaInterceptor(TimeSpan busyTimeout) : DbConnectionInterceptor
{
    private readonly string _pragmas =
        $"PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout={(int)busyTimeout.TotalMilliseconds};";

    // journal_mode is stored in the database file, so it is set on the first open only.
    private int _walSet;

    private string Pragmas => Interlocked.Exchange(ref _walSet, 1) == 0 ? "PRAGMA journal_mode=WAL; " + _pragmas : _pragmas;

    // Pooled connections keep their pragmas: run them once per physical connection (its native handle).
    private readonly ConditionalWeakTable<object, object> _configured = [];

    private bool NeedsPragmas(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _configured.TryAdd(handle, handle);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsPragmas(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsPragmas(connection))
        {
            return;
        }

        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
