using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ricord.Catalog;

/// <summary>Creates provider-specific catalog contexts from <see cref="CatalogOptions"/>.</summary>
public static class CatalogDbContextFactory
{
    /// <summary>A new context; the caller disposes it. Contexts are cheap: the model is built once per type.</summary>
    public static CatalogDbContext Create(CatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            CatalogProvider.Sqlite => new SqliteCatalogDbContext(SqliteOptions(options)),
            CatalogProvider.Postgres => new PostgresCatalogDbContext(PostgresOptions(options)),
            _ => throw new CatalogException($"Unknown catalog provider {options.Provider}."),
        };
    }

    internal static DbContextOptions<SqliteCatalogDbContext> SqliteOptions(CatalogOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(options.ResolveConnectionString())
        {
            DefaultTimeout = Math.Max(1, (int)options.BusyTimeout.TotalSeconds),
            Pooling = true,
        };
        return new DbContextOptionsBuilder<SqliteCatalogDbContext>()
            .UseSqlite(builder.ConnectionString)
            .AddInterceptors(new SqlitePragmaInterceptor(options.BusyTimeout))
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .Options;
    }

    internal static DbContextOptions<PostgresCatalogDbContext> PostgresOptions(CatalogOptions options) =>
        new DbContextOptionsBuilder<PostgresCatalogDbContext>()
            .UseNpgsql(options.ResolveConnectionString())
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .Options;
}
