using Ricord.Catalog;

namespace Ricord.Hosting;

/// <summary>Where the catalog lives (<c>Catalog:Provider</c>, <c>Catalog:ConnectionString</c>).</summary>
public sealed class RicordCatalogSettings
{
    public CatalogProvider Provider { get; set; } = CatalogProvider.Sqlite;

    /// <summary>Required for PostgreSQL; for SQLite, <c>catalog.db</c> in the data directory when empty.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The catalog options these settings give for <paramref name="dataDirectory"/>.</summary>
    public CatalogOptions ToCatalogOptions(string dataDirectory) => Provider switch
    {
        CatalogProvider.Postgres => new CatalogOptions
        {
            Provider = CatalogProvider.Postgres,
            ConnectionString = string.IsNullOrWhiteSpace(ConnectionString)
                ? throw new RicordConfigurationException("The postgres catalog needs a connection string (Catalog:ConnectionString, RICORD__Catalog__ConnectionString or RICORD_CATALOG_CONNECTION)")
                : ConnectionString,
        },
        _ => new CatalogOptions { Provider = CatalogProvider.Sqlite, DataDirectory = dataDirectory, ConnectionString = ConnectionString },
    };
}
