namespace Ricord.Hosting;

/// <summary>One installation's settings, bound from <c>ricord.json</c> in the data directory, <c>RICORD__…</c>
/// environment variables and the command line (<see cref="RicordConfiguration"/>). Holds no secrets of the link table.</summary>
public sealed class RicordOptions
{
    /// <summary>The data directory: catalog (SQLite), blobs (filesystem) and the secrets folder.</summary>
    public string DataDirectory { get; set; } = "ricord-data";

    public RicordCatalogSettings Catalog { get; set; } = new();

    public RicordS3Settings S3 { get; set; } = new();
}
