using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;
using Ricord.Deid;
using Ricord.Dicom;
using Ricord.Hosting;
using Ricord.Ingest;
using Ricord.Storage;
using Ricord.Tests.Catalog;

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

    public Task<IngestReport> IngestAsync(IngestOptions options, IBlobStore? blobs = null, params string[] paths)
    {
        var pipeline = new IngestPipeline(Data.Catalog, blobs ?? Data.Blobs, new Deidentifier(), Data.LinkTable, Data.Vault);
        return pipeline.RunAsync(IngestSource.EnumerateAsync(paths.Length > 0 ? paths : [Input]), options);
    }

    public CatalogDbContext Db() => _catalog.Db();

    public async Task<HashSet<string>> BlobKeysAsync()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var key in Data.Blobs.ListAsync("", CancellationToken.None))
        {
            keys.Add(key);
        }

        return keys;
    }

    /// <summary>Every indexed blob exists, parses and hashes as recorded; the store holds nothing else; counters
    /// equal the rows; quarantine entries are unique and each has its original in the vault.</summary>
    public async Task AssertConsistentAsync()
    {
        await using var db = Db();
        var instances = await db.Instances.ToListAsync();
        Assert.Equal(instances.Count, instances.Select(i => i.SopInstanceUid).Distinct().Count());
        foreach (var i in instances)
        {
            await using var stream = await Data.Blobs.OpenReadAsync(i.BlobKey, CancellationToken.None);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            byte[] bytes = buffer.ToArray();
            Assert.Equal(i.ContentHash, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal(i.Size, bytes.LongLength);
            Assert.Equal(i.SopInstanceUid, DicomFile.Read(bytes).Dataset.GetString(DicomTags.SOPInstanceUID));
        }

        Assert.Equal(instances.Select(i => i.BlobKey).ToHashSet(StringComparer.Ordinal), await BlobKeysAsync());
        foreach (var s in await db.Series.ToListAsync())
        {
            Assert.Equal(instances.Count(i => i.SeriesId == s.Id), s.NumberOfInstances);
        }

        foreach (var s in await db.Studies.ToListAsync())
        {
            Assert.Equal(instances.Count(i => i.StudyId == s.Id), s.NumberOfInstances);
        }

        var quarantine = await db.QuarantineEntries.ToListAsync();
        Assert.Equal(quarantine.Count, quarantine.Select(q => (q.ContentHash, q.Reason)).Distinct().Count());
        foreach (var q in quarantine)
        {
            var bytes = await Data.Vault.GetBytesAsync(q.BlobKey!["vault:".Length..], CancellationToken.None);
            Assert.NotNull(bytes);
            Assert.Equal(q.ContentHash, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        Assert.Empty(Directory.EnumerateFiles(Data.Root, "*" + FileSystemBlobStore.TempSuffix, SearchOption.AllDirectories));
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
