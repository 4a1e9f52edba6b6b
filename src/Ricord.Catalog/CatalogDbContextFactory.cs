using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ricord.Catalog;

/// <summary>Creates provider-specific catalog contexts from <see cref="CatalogOptions"/>.</summary>
public static class CatalogDbContextFactory
{
    /// <summary>A new context; the caller disposes it. For many contexts, build the options once with
    /// <see cref="CreateOptions(CatalogOptions)"/> and use <see cref="Create(DbContextOptions)"/>.</summary>
    public static CatalogDbContext Create(CatalogOptions options) => Create(CreateOptions(options));

    /// <summary>EF Core options for the configured provider; reuse them, they are immutable.</summary>
    public static DbContextOptions CreateOptions(CatalogOptions options) => CreateOptions(options, null);

    /// <summary>As <see cref="CreateOptions(CatalogOptions)"/>; SQLite connections get <paramref name="pragmas"/>
    /// (a catalog shares one instance between EF Core and its raw connections), or their own when null.</summary>
    internal static DbContextOptions CreateOptions(CatalogOptions options, SqlitePragmas? pragmas)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            CatalogProvider.Sqlite => SqliteOptions(options, pragmas),
            CatalogProvider.Postgres => PostgresOptions(options),
            _ => throw new CatalogException($"Unknown catalog provider {options.Provider}."),
        };
    }

    public static CatalogDbContext Create(DbContextOptions options) => options switch
    {
        DbContextOptions<SqliteCatalogDbContext> sqlite => new SqliteCatalogDbContext(sqlite),
        DbContextOptions<PostgresCatalogDbContext> postgres => new PostgresCatalogDbContext(postgres),
        _ => throw new CatalogException("Options were not made by CatalogDbContextFactory.CreateOptions."),
    };

    internal static DbContextOptions<SqliteCatalogDbContext> SqliteOptions(CatalogOptions options, SqlitePragmas? pragmas = null) =>
        WithLog(new DbContextOptionsBuilder<SqliteCatalogDbContext>()
            .UseSqlite(CatalogConnections.SqliteConnectionString(options))
            .AddInterceptors(new SqlitePragmaInterceptor(pragmas ?? new SqlitePragmas(options.BusyTimeout)))
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking), options)
            .Options;

    internal static DbContextOptions<PostgresCatalogDbContext> PostgresOptions(CatalogOptions options) =>
        WithLog(new DbContextOptionsBuilder<PostgresCatalogDbContext>()
            .UseNpgsql(options.ResolveConnectionString())
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking), options)
            .Options;

    private static DbContextOptionsBuilder<T> WithLog<T>(DbContextOptionsBuilder<T> builder, CatalogOptions options)
        where T : DbContext =>
        options.SqlLog is { } log
            ? builder.LogTo(log, [RelationalEventId.CommandExecuted], Microsoft.Extensions.Logging.LogLevel.Information)
            : builder;
}
