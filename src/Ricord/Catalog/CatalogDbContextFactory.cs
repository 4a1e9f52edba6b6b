using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ricord.Catalog;

/// <summary>Creates provider-specific catalog contexts from <see cref="CatalogOptions"/>.</summary>
public static class CatalogDbContextFactory
{
    /// <summary>A new context; the caller disposes it. For many contexts, build the options once with
    /// <see cref="CreateOptions"/> and use <see cref="Create(DbContextOptions)"/>.</summary>
    public static CatalogDbContext Create(CatalogOptions options) => Create(CreateOptions(options));

    /// <summary>EF Core options for the configured provider; reuse them, they are immutable.</summary>
    public static DbContextOptions CreateOptions(CatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            CatalogProvider.Sqlite => SqliteOptions(options),
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

    internal static DbContextOptions<SqliteCatalogDbContext> SqliteOptions(CatalogOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(options.ResolveConnectionString())
        {
            DefaultTimeout = Math.Max(1, (int)options.BusyTimeout.TotalSeconds),
            Pooling = true,
        };
        return WithLog(new DbContextOptionsBuilder<SqliteCatalogDbContext>()
            .UseSqlite(builder.ConnectionString)
            .AddInterceptors(new SqlitePragmaInterceptor(options.BusyTimeout))
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking), options)
            .Options;
    }

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
