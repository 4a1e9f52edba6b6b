using Microsoft.EntityFrameworkCore;

namespace Ricord.Catalog;

/// <summary>EF Core's factory interface over one catalog's contexts (the same options and SQLite pragmas as its raw
/// connections), for services that take an <see cref="IDbContextFactory{TContext}"/>.</summary>
public sealed class CatalogContextFactory : IDbContextFactory<CatalogDbContext>
{
    private readonly DatabaseCatalog _catalog;

    public CatalogContextFactory(DatabaseCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
    }

    public CatalogDbContext CreateDbContext() => _catalog.CreateContext();
}
