using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ricord.Catalog;
using Ricord.Deid;
using Ricord.Diagnostics;
using Ricord.Ingest;
using Ricord.Storage;

namespace Ricord.Hosting;

/// <summary>
/// One Ricord installation's data, as the CLI opens it: a facade over the services <c>AddRicord</c> composes (the
/// catalog, SQLite <c>catalog.db</c> by default or PostgreSQL; the blob store, <c>blobs/</c> or S3; and the secrets
/// folder, <c>secrets/</c>, mode 0700, with the link table and quarantined originals, kept apart and never exported).
/// Settings come from <see cref="RicordConfiguration"/>: <c>ricord.json</c> in the directory, <c>RICORD__…</c> and
/// the older RICORD_CATALOG_PROVIDER/RICORD_CATALOG_CONNECTION/RICORD_S3_* variables, and the command line.
/// </summary>
public sealed class RicordDataDirectory : IDisposable
{
    private readonly ServiceProvider? _owned;

    /// <summary>Opens <paramref name="root"/> with its configuration; <paramref name="catalog"/> and
    /// <paramref name="blobs"/>, when given, replace the configured ones.</summary>
    public RicordDataDirectory(string root, CatalogOptions? catalog = null, IBlobStore? blobs = null)
        : this(RicordConfiguration.Load(root), services =>
        {
            if (catalog is not null)
            {
                services.AddSingleton(catalog);
            }

            if (blobs is not null)
            {
                services.AddSingleton(_ => blobs); // made by a factory, so disposed with the directory as before
            }
        })
    {
    }

    /// <summary>Opens the data directory of <paramref name="options"/>; <paramref name="configure"/> adds or replaces
    /// registrations (a host's logging, a test's stores).</summary>
    public RicordDataDirectory(RicordOptions options, Action<IServiceCollection>? configure = null)
        : this(Compose(options, configure), owned: true)
    {
    }

    /// <summary>A view of a container a host built with <c>AddRicord</c>; disposing this leaves the container alone.</summary>
    public RicordDataDirectory(IServiceProvider services)
        : this(services, owned: false)
    {
    }

    private RicordDataDirectory(IServiceProvider services, bool owned)
    {
        ArgumentNullException.ThrowIfNull(services);
        Services = services;
        _owned = owned ? (ServiceProvider)services : null;
        Root = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RicordOptions>>().Value.DataDirectory;
        RicordPaths.EnsureSecrets(Root);
        CatalogOptions = services.GetRequiredService<CatalogOptions>();
        Catalog = services.GetRequiredService<DatabaseCatalog>();
        Blobs = services.GetRequiredService<IBlobStore>();
        Vault = services.GetRequiredService<QuarantineVault>();
    }

    /// <summary>The container behind this directory: every registered service, for hosts and tests.</summary>
    public IServiceProvider Services { get; }

    public string Root { get; }

    /// <summary>A registered service (an application service, a store).</summary>
    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public string SecretsPath => RicordPaths.Secrets(Root);

    /// <summary>Whether <paramref name="root"/> holds a data directory (its secrets folder, which every catalog and
    /// blob store configuration keeps locally).</summary>
    public static bool Exists(string root) => Directory.Exists(RicordPaths.Secrets(root));

    public string LinkTablePath => RicordPaths.LinkTable(Root);

    public CatalogOptions CatalogOptions { get; }

    public DatabaseCatalog Catalog { get; }

    public IBlobStore Blobs { get; }

    public QuarantineVault Vault { get; }

    public ILinkTable LinkTable => Services.GetRequiredService<ILinkTable>();

    /// <summary>The host's loggers (none are written unless the host added a provider).</summary>
    public ILoggerFactory Loggers => Services.GetRequiredService<ILoggerFactory>();

    public Task InitializeAsync(CancellationToken ct) => Catalog.MigrateAsync(ct);

    /// <summary>An ingest pipeline whose catalog writes are logged and counted (<see cref="ObservedCatalog"/>).</summary>
    public IngestPipeline CreateIngestPipeline(DeidProfile? profile = null) => Get<IngestPipelineFactory>().Create(profile);

    private static ServiceProvider Compose(RicordOptions options, Action<IServiceCollection>? configure)
    {
        var services = new ServiceCollection().AddRicord(options);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public void Dispose()
    {
        _owned?.Dispose();

        // Pooled SQLite connections keep the database files open; closing them lets the folder be moved or removed.
        if (CatalogOptions.Provider == CatalogProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}
