using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ricord.Catalog;

/// <summary>The catalog on SQLite; its migrations live in Catalog/Migrations/Sqlite.</summary>
public sealed class SqliteCatalogDbContext : CatalogDbContext
{
    public SqliteCatalogDbContext(DbContextOptions<SqliteCatalogDbContext> options)
        : base(options)
    {
    }

    public override CatalogProvider Provider => CatalogProvider.Sqlite;

    /// <summary>SQLite keeps DateTime as text without a kind; every catalog timestamp is UTC.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter : ValueConverter<DateTime, DateTime>
    {
        public UtcDateTimeConverter()
            : base(v => v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
        {
        }
    }
}
