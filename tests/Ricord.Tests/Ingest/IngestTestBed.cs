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

    /// <summary>Options of a test run; <paramref name="batch"/> 1 commits instance by instance, and a long window
    /// makes one batch of everything the workers prepare.</summary>
    public static IngestOptions Options(int parallelism = 2, int batch = 64, TimeSpan? window = null) =>
        new()
        {
            Collection = TestCatalog.Collection, SiteCode = TestCatalog.Site, Actor = "test", Parallelism = parallelism,
            CommitBatchSize = batch, CommitWindow = window ?? TimeSpan.FromMilliseconds(50),
        };

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
    public Task<IngestReport> IngestAsync(IBlobStore? blobs = null, int parallelism = 2, params string[] paths) =>
        IngestAsync(Options(parallelism), blobs, paths);

    public Task<IngestReport> IngestAsync(IngestOptions options, IBlobStore? blobs = null, params string[] paths) =>
        IngestAsAsync(BlobWriter.Current, options, blobs, paths);

    /// <summary>An ingest whose blob intents name <paramref name="writer"/> (a crashed process, another host).</summary>
    public Task<IngestReport> IngestAsAsync(BlobWriter writer, IngestOptions options, IBlobStore? blobs = null, params string[] paths)
    {
        var pipeline = new IngestPipeline(Data.Catalog, blobs ?? Data.Blobs, new Deidentifier(), Data.LinkTable, Data.Vault) { Writer = writer };
        return pipeline.RunAsync(IngestSource.EnumerateAsync(paths.Length > 0 ? paths : [Input]), options);
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
