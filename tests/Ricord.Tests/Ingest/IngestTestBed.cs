using Ricord.Catalog;
using Ricord.Deid;
using Ricord.Dicom;
using Ricord.Hosting;
using Ricord.Ingest;
using Ricord.Storage;
using Ricord.Tests.Catalog;
using Ricord.Testing;

namespace Ricord.Tests.Ingest;

/// <summary>A data directory on a migrated test catalog (SQLite or PostgreSQL), an input folder, and the checks
/// every ingest test ends with: the catalog, the blob store and the quarantine agree exactly.</summary>
internal sealed class IngestTestBed : IAsyncDisposable
{
    private readonly TestCatalog _catalog;
    private readonly string _root;

    private IngestTestBed(TestCatalog catalog, string root, IBlobStore? blobs)
    {
        _catalog = catalog;
        _root = root;
        Data = new RicordDataDirectory(Path.Combine(root, "data"), catalog.Options, blobs);
        Input = Path.Combine(root, "input");
        Directory.CreateDirectory(Input);
    }

    public RicordDataDirectory Data { get; }

    public string Input { get; }

    public static IngestOptions Options(int parallelism = 2) =>
        new() { Collection = TestCatalog.Collection, SiteCode = TestCatalog.Site, Actor = "test", Parallelism = parallelism };

    public static async Task<IngestTestBed> CreateAsync(CatalogProvider provider, IBlobStore? blobs = null)
    {
        var catalog = await TestCatalog.CreateAsync(provider);
        var bed = new IngestTestBed(catalog, Path.Combine(Path.GetTempPath(), "ricord-ingest-" + Guid.NewGuid().ToString("N")), blobs);
        await bed.Data.InitializeAsync(CancellationToken.None);
        return bed;
    }

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Input, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Write(string name, DicomDataset ds) => Write(name, new DicomFile(ds).ToBytes());

    /// <summary>Ingests the input folder (or <paramref name="paths"/>) through <paramref name="blobs"/> (default: the data directory's).</summary>
    public Task<IngestReport> IngestAsync(IBlobStore? blobs = null, int parallelism = 2, params string[] paths)
    {
        var pipeline = new IngestPipeline(Data.Catalog, blobs ?? Data.Blobs, new Deidentifier(), Data.LinkTable, Data.Vault);
        return pipeline.RunAsync(IngestSource.EnumerateAsync(paths.Length > 0 ? paths : [Input]), Options(parallelism));
    }

    public CatalogDbContext Db() => _catalog.Db();

    public Task<HashSet<string>> BlobKeysAsync() => DataDirectoryChecks.BlobKeysAsync(Data.Blobs);

    /// <summary>The catalog, the blob store and the quarantine vault agree exactly (<see cref="DataDirectoryChecks"/>).</summary>
    public async Task AssertConsistentAsync()
    {
        await using var db = Db();
        await DataDirectoryChecks.AssertConsistentAsync(db, Data.Blobs, Data.Vault, Data.Root);
    }

    public async ValueTask DisposeAsync()
    {
        Data.Dispose();
        await _catalog.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
