namespace Ricord.Catalog;

/// <summary>Where the catalog lives.</summary>
public sealed class CatalogOptions
{
    public CatalogProvider Provider { get; init; } = CatalogProvider.Sqlite;

    /// <summary>Full connection string; for SQLite, optional when <see cref="DataDirectory"/> is set.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Data directory; SQLite uses <c>catalog.db</c> inside it when no connection string is given.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>How long a SQLite connection waits for a writer lock before failing.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Receives each SQL command EF Core executes (diagnostics; null: off).</summary>
    public Action<string>? SqlLog { get; init; }

    internal string ResolveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        if (Provider == CatalogProvider.Sqlite && !string.IsNullOrWhiteSpace(DataDirectory))
        {
            Directory.CreateDirectory(DataDirectory);
            return $"Data Source={Path.Combine(DataDirectory, "catalog.db")}";
        }

        throw new CatalogException(
            $"The {Provider} catalog needs a ConnectionString" +
            (Provider == CatalogProvider.Sqlite ? " or a DataDirectory." : "."));
    }
}
