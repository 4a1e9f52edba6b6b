using Microsoft.EntityFrameworkCore.Design;

namespace Ricord.Catalog;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCatalogDbContext>
{
    public PostgresCatalogDbContext CreateDbContext(string[] args) =>
        new(CatalogDbContextFactory.PostgresOptions(new CatalogOptions
        {
            Provider = CatalogProvider.Postgres,
            ConnectionString = "Host=127.0.0.1;Username=postgres;Database=ricord_design",
        }));
}
