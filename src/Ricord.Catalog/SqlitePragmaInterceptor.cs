using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ricord.Catalog;

/// <summary>Applies the catalog's <see cref="SqlitePragmas"/> to every SQLite connection EF Core opens.</summary>
internal sealed class SqlitePragmaInterceptor(SqlitePragmas pragmas) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => pragmas.Apply(connection);

    public override Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        pragmas.ApplyAsync(connection, cancellationToken);
}
