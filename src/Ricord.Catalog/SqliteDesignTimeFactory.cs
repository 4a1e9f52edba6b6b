using Microsoft.EntityFrameworkCore.Design;

namespace Ricord.Catalog;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCatalogDbContext>
{
    public SqliteCatalogDbContext CreateDbContext(string[] args) =>
        new(CatalogDbContextFactory.SqliteOptions(new CatalogOptions { ConnectionString = "Data Source=design-time.db" }));
}
