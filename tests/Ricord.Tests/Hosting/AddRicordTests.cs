using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ricord.Annotation.Projects;
using Ricord.Annotation.Results;
using Ricord.Catalog;
using Ricord.Clinical;
using Ricord.Diagnostics;
using Ricord.Registry;
using Ricord.Deid;
using Ricord.Hosting;
using Ricord.Ingest;
using Ricord.Storage;

namespace Ricord.Tests.Hosting;

/// <summary>The composition root registers each store once, and the data directory facade is a view of it.</summary>
public sealed class AddRicordTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"ricord-di-{Guid.NewGuid():N}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Every_store_resolves_once_and_the_context_factory_reaches_the_same_catalog()
    {
        using var services = new ServiceCollection().AddRicord(new RicordOptions { DataDirectory = _root }).AddCatalogDbContextFactory().BuildServiceProvider();
        var catalog = services.GetRequiredService<DatabaseCatalog>();
        Assert.Same(catalog, services.GetRequiredService<ICatalog>());
        Assert.Same(services.GetRequiredService<IBlobStore>(), services.GetRequiredService<IBlobStore>());
        Assert.IsType<FileSystemBlobStore>(services.GetRequiredService<IBlobStore>());
        Assert.IsType<SqliteLinkTable>(services.GetRequiredService<ILinkTable>());
        Assert.NotNull(services.GetRequiredService<QuarantineVault>());
        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
        Assert.NotNull(catalog.Metrics);

        await catalog.MigrateAsync(CancellationToken.None);
        await catalog.EnsureSiteAsync("SITE-A", "Site A", CancellationToken.None);
        var factory = services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(["SITE-A"], await db.Sites.Select(s => s.Code).ToListAsync());
        Assert.True(File.Exists(Path.Combine(_root, "catalog.db")));
    }

    [Fact]
    public void Every_application_service_resolves_from_one_registration()
    {
        using var services = new ServiceCollection().AddRicord(new RicordOptions { DataDirectory = _root })
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Assert.Same(services.GetRequiredService<RegistryService>(), services.GetRequiredService<RegistryService>());
        Assert.NotNull(services.GetRequiredService<ClinicalListingService>());
        Assert.NotNull(services.GetRequiredService<ReadingProjectService>());
        Assert.NotNull(services.GetRequiredService<ReadingService>());
        Assert.NotNull(services.GetRequiredService<ReadImportService>());
        Assert.NotNull(services.GetRequiredService<ReadExportService>());
        Assert.NotNull(services.GetRequiredService<ProjectResultsService>());
        Assert.NotNull(services.GetRequiredService<ObservedCatalog>());
    }

    [Fact]
    public async Task The_registry_service_adds_idempotently_and_lists_in_order()
    {
        using var services = new ServiceCollection().AddRicord(new RicordOptions { DataDirectory = _root }).BuildServiceProvider();
        await services.GetRequiredService<DatabaseCatalog>().MigrateAsync(CancellationToken.None);
        var registry = services.GetRequiredService<RegistryService>();
        var actor = new Actor("curator");
        var b = await registry.AddSiteAsync(actor, "SITEB", null, CancellationToken.None);
        await registry.AddSiteAsync(actor, "SITEA", "Site A", CancellationToken.None);
        Assert.Equal(b.Id, (await registry.AddSiteAsync(actor, "SITEB", null, CancellationToken.None)).Id);
        Assert.Equal([("SITEA", "Site A"), ("SITEB", "SITEB")], (await registry.ListSitesAsync(actor, CancellationToken.None)).Select(s => (s.Code, s.Name)));
        await registry.AddCollectionAsync(actor, "RICORD-1A", "CT", CancellationToken.None);
        Assert.Equal("CT", Assert.Single(await registry.ListCollectionsAsync(actor, CancellationToken.None)).Description);
    }

    [Fact]
    public void The_link_table_lives_in_the_secrets_folder_readable_by_the_owner_only()
    {
        using var services = new ServiceCollection().AddRicord(new RicordOptions { DataDirectory = _root }).BuildServiceProvider();
        _ = services.GetRequiredService<ILinkTable>();
        Assert.True(File.Exists(Path.Combine(_root, "secrets", "link.db")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_root, "secrets")));
        }
    }

    [Fact]
    public void Bound_from_configuration_the_options_are_the_ones_the_sources_give()
    {
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, RicordConfiguration.FileName), """{ "Catalog": { "Provider": "postgres", "ConnectionString": "Host=x" } }""");
        IConfiguration configuration = RicordConfiguration.Build(_root, environment: new System.Collections.Hashtable());
        using var services = new ServiceCollection().AddRicord(configuration).BuildServiceProvider();
        var catalog = services.GetRequiredService<CatalogOptions>();
        Assert.Equal((CatalogProvider.Postgres, "Host=x"), (catalog.Provider, catalog.ConnectionString));
        Assert.Equal(Path.GetFullPath(_root), services.GetRequiredService<IOptions<RicordOptions>>().Value.DataDirectory);
    }

    [Fact]
    public async Task The_data_directory_is_a_view_of_the_container()
    {
        using (var data = new RicordDataDirectory(_root))
        {
            await data.InitializeAsync(CancellationToken.None);
            Assert.Same(data.Catalog, data.Services.GetRequiredService<DatabaseCatalog>());
            Assert.Same(data.Blobs, data.Services.GetRequiredService<IBlobStore>());
            Assert.Same(data.LinkTable, data.Services.GetRequiredService<ILinkTable>());
            Assert.Equal(Path.Combine(Path.GetFullPath(_root), "secrets", "link.db"), data.LinkTablePath);
        }

        Assert.True(RicordDataDirectory.Exists(_root));
    }
}
