using Ricord.Catalog;
using Ricord.Deid;
using Ricord.Ingest;
using Ricord.Storage;

namespace Ricord.Hosting;

/// <summary>
/// One Ricord installation's data: the catalog (SQLite <c>catalog.db</c> by default, or PostgreSQL), the
/// blob store (<c>blobs/</c>, or S3), and the secrets folder (<c>secrets/</c>, mode 0700: the link table and
/// quarantined originals), which is kept apart and never exported.
/// Environment: RICORD_CATALOG_PROVIDER=postgres with RICORD_CATALOG_CONNECTION; RICORD_S3_SERVICE_URL,
/// RICORD_S3_BUCKET, RICORD_S3_ACCESS_KEY, RICORD_S3_SECRET_KEY for S3-compatible storage.
/// </summary>
public sealed class RicordDataDirectory : IDisposable
{
    private readonly Lazy<SqliteLinkTable> _linkTable;

    public RicordDataDirectory(string root, CatalogOptions? catalog = null, IBlobStore? blobs = null)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(SecretsPath);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(SecretsPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        CatalogOptions = catalog ?? CatalogFromEnvironment(Root);
        Catalog = new DatabaseCatalog(CatalogOptions);
        Blobs = blobs ?? BlobsFromEnvironment(Path.Combine(Root, "blobs"));
        Vault = new QuarantineVault(Path.Combine(SecretsPath, "quarantine"));
        _linkTable = new Lazy<SqliteLinkTable>(() => new SqliteLinkTable(LinkTablePath));
    }

    public string Root { get; }

    public string SecretsPath => Path.Combine(Root, "secrets");

    /// <summary>Whether <paramref name="root"/> holds a data directory (its secrets folder, which every catalog and
    /// blob store configuration keeps locally).</summary>
    public static bool Exists(string root) => Directory.Exists(Path.Combine(root, "secrets"));

    public string LinkTablePath => Path.Combine(SecretsPath, "link.db");

    public CatalogOptions CatalogOptions { get; }

    public DatabaseCatalog Catalog { get; }

    public IBlobStore Blobs { get; }

    public QuarantineVault Vault { get; }

    public ILinkTable LinkTable => _linkTable.Value;

    public Task InitializeAsync(CancellationToken ct) => Catalog.MigrateAsync(ct);

    public IngestPipeline CreateIngestPipeline(DeidProfile? profile = null) =>
        new(Catalog, Blobs, new Deidentifier(profile), LinkTable, Vault) { Reserve = new SpaceReserve(Path.Combine(Root, "ingest.reserve")) };

    private static CatalogOptions CatalogFromEnvironment(string root)
    {
        string? provider = Environment.GetEnvironmentVariable("RICORD_CATALOG_PROVIDER");
        if (string.Equals(provider, "postgres", StringComparison.OrdinalIgnoreCase))
        {
            return new CatalogOptions
            {
                Provider = CatalogProvider.Postgres,
                ConnectionString = Environment.GetEnvironmentVariable("RICORD_CATALOG_CONNECTION")
                    ?? throw new InvalidOperationException("RICORD_CATALOG_PROVIDER=postgres needs RICORD_CATALOG_CONNECTION"),
            };
        }

        return new CatalogOptions { Provider = CatalogProvider.Sqlite, DataDirectory = root };
    }

    private static IBlobStore BlobsFromEnvironment(string path)
    {
        string? url = Environment.GetEnvironmentVariable("RICORD_S3_SERVICE_URL");
        if (url is null)
        {
            return new FileSystemBlobStore(path);
        }

        return new S3BlobStore(new S3BlobStoreOptions
        {
            ServiceUrl = url,
            Bucket = Environment.GetEnvironmentVariable("RICORD_S3_BUCKET") ?? "ricord",
            AccessKey = Environment.GetEnvironmentVariable("RICORD_S3_ACCESS_KEY") ?? "",
            SecretKey = Environment.GetEnvironmentVariable("RICORD_S3_SECRET_KEY") ?? "",
        });
    }

    public void Dispose()
    {
        if (_linkTable.IsValueCreated)
        {
            _linkTable.Value.Dispose();
        }

        if (Blobs is IDisposable d)
        {
            d.Dispose();
        }

        // Pooled SQLite connections keep the database files open; closing them lets the folder be moved or removed.
        if (CatalogOptions.Provider == CatalogProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}
