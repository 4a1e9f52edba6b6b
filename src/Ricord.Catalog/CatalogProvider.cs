namespace Ricord.Catalog;

/// <summary>Which database holds the catalog.</summary>
public enum CatalogProvider
{
    /// <summary>Embedded default: one SQLite file in WAL mode.</summary>
    Sqlite,

    /// <summary>Scale-out: a PostgreSQL server shared by every node.</summary>
    Postgres,
}
