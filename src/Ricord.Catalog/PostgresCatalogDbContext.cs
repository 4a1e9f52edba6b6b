using Microsoft.EntityFrameworkCore;

namespace Ricord.Catalog;

/// <summary>The catalog on PostgreSQL; its migrations live in Catalog/Migrations/Postgres.</summary>
public sealed class PostgresCatalogDbContext : CatalogDbContext
{
    public PostgresCatalogDbContext(DbContextOptions<PostgresCatalogDbContext> options)
        : base(options)
    {
    }

    public override CatalogProvider Provider => CatalogProvider.Postgres;
}
