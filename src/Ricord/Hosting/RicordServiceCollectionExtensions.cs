using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Ricord.Withdrawal;
using Ricord.Annotation.Projects;
using Ricord.Annotation.Results;
using Ricord.Catalog;
using Ricord.Deid;
using Ricord.Diagnostics;
using Ricord.Ingest;
using Ricord.Registry;
using Ricord.Search;
using Ricord.Clinical;
using Ricord.Storage;

namespace Ricord.Hosting;

/// <summary>The composition root both hosts use: every store and service of one installation, registered once.</summary>
public static class RicordServiceCollectionExtensions
{
    /// <summary>Registers Ricord with settings bound from <paramref name="configuration"/>
    /// (<see cref="RicordConfiguration.Build"/>).</summary>
    public static IServiceCollection AddRicord(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RicordOptions>().Bind(configuration)
            .PostConfigure(o => o.DataDirectory = Path.GetFullPath(o.DataDirectory));
        return services.AddRicordServices();
    }

    /// <summary>Registers Ricord with the given settings.</summary>
    public static IServiceCollection AddRicord(this IServiceCollection services, RicordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(Options.Create(options));
        return services.AddRicordServices();
    }

    private static IServiceCollection AddRicordServices(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CatalogMetrics>();
        services.TryAddSingleton<IngestMetrics>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RicordOptions>>().Value.Catalog.ToCatalogOptions(DataDirectory(sp)));
        services.AddSingleton(sp => new DatabaseCatalog(sp.GetRequiredService<CatalogOptions>()) { Metrics = sp.GetRequiredService<CatalogMetrics>() });
        services.AddSingleton<ICatalog>(sp => sp.GetRequiredService<DatabaseCatalog>());
        services.AddSingleton(sp => new ObservedCatalog(sp.GetRequiredService<DatabaseCatalog>(), sp.GetRequiredService<IngestMetrics>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ObservedCatalog>>()));
        services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<IOptions<RicordOptions>>().Value.S3 is { Enabled: true } s3
            ? new S3BlobStore(s3.ToStoreOptions())
            : new FileSystemBlobStore(RicordPaths.Blobs(DataDirectory(sp))));
        services.AddSingleton<ILinkTable>(sp => new SqliteLinkTable(RicordPaths.LinkTable(Secrets(sp))));
        services.AddSingleton(sp => new QuarantineVault(RicordPaths.Quarantine(Secrets(sp))));
        services.AddSingleton(sp => new IngestPipelineFactory(sp.GetRequiredService<ObservedCatalog>(), sp.GetRequiredService<IBlobStore>(),
            sp.GetRequiredService<ILinkTable>(), sp.GetRequiredService<QuarantineVault>(), Path.Combine(DataDirectory(sp), "ingest.reserve")));
        services.TryAddSingleton<QuarantineService>();
        services.TryAddSingleton<StudySearchService>();
        services.TryAddSingleton(sp => ReadingDefaults.Options(sp.GetRequiredService<CatalogOptions>()));
        services.TryAddSingleton<ReadingProjectService>();
        services.TryAddSingleton<ReadingService>();
        services.TryAddSingleton<ReadImportService>();
        services.TryAddSingleton<ReadExportService>();
        services.TryAddSingleton(sp => new ProjectResultsService(sp.GetRequiredService<ReadingOptions>(), sp.GetRequiredService<IBlobStore>()));
        services.TryAddSingleton<RegistryService>();
        services.TryAddSingleton<CatalogWithdrawalService>();
        services.TryAddSingleton<ClinicalListingService>();
        services.TryAddSingleton<ClinicalImporter>();
        return services;
    }

    /// <summary>Adds EF Core's <see cref="Microsoft.EntityFrameworkCore.IDbContextFactory{TContext}"/> over the catalog
    /// (for hosts whose libraries expect one). Not part of <see cref="AddRicord(IServiceCollection, RicordOptions)"/>:
    /// naming EF Core's types at registration would load its assemblies in every process, and ingest never needs them
    /// (<see cref="DatabaseCatalog.CreateContext"/> is the catalog's own factory).</summary>
    public static IServiceCollection AddCatalogDbContextFactory(this IServiceCollection services) =>
        services.AddSingleton<Microsoft.EntityFrameworkCore.IDbContextFactory<CatalogDbContext>, CatalogContextFactory>();

    private static string DataDirectory(IServiceProvider sp) => sp.GetRequiredService<IOptions<RicordOptions>>().Value.DataDirectory;

    /// <summary>The data directory, its secrets folder made (mode 0700) before anything is written into it.</summary>
    private static string Secrets(IServiceProvider sp)
    {
        string root = DataDirectory(sp);
        RicordPaths.EnsureSecrets(root);
        return root;
    }
}
