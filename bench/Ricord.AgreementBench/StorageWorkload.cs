using Ricord.Annotation.Agreement;
using Ricord.Annotation.Projects;
using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;
using Ricord.Catalog;

namespace Ricord.AgreementBench;

/// <summary>
/// Storing a 512 × 512 × 300 segmentation as a read: a SQLite catalog on disk (WAL, synchronous=FULL, as every
/// host runs it) with one CT study of 300 instances, a freeform schema, a one-reader project; the reader saves drafts
/// through <see cref="ReadingService.SaveDraftAsync"/> (validation, SOP UID check, shapes JSON + Brotli, content
/// hash, payload insert, row update, version row) and loads them back with <see cref="ReadingService.GetReadAsync"/>.
/// </summary>
internal sealed class StorageWorkload : IAsyncDisposable
{
    private const string Study = "1.2.826.0.1.3680043.10.474.1.1";
    private const string Series = Study + ".1";
    private static readonly ReadingActor Reader = new("r1", ReadingRole.Reader);
    private static readonly LabelSchema Schema = new("bench-ct", 1, null, [
        new LabelGroup("Segmentation", null, LabelScope.Instance, LabelMode.Freeform, [new LabelDefinition("Infectious opacity", null, "#ff0000")]),
    ]);

    private readonly string _dir;
    private readonly ReadingService _reading;
    private readonly long _readId;
    private int _version;

    private StorageWorkload(string dir, ReadingOptions options, ReadingService reading, long readId)
    {
        _dir = dir;
        Options = options;
        _reading = reading;
        _readId = readId;
    }

    public const string SeriesUid = Series;

    public string Directory => _dir;

    public ReadingOptions Options { get; }

    public static string Sop(int k) => $"{Series}.{k + 1}";

    public static async Task<StorageWorkload> CreateAsync(string dir)
    {
        var none = CancellationToken.None;
        var options = new CatalogOptions { Provider = CatalogProvider.Sqlite, DataDirectory = dir };
        var catalog = new DatabaseCatalog(options);
        await catalog.MigrateAsync(none);
        await catalog.EnsureCollectionAsync("BENCH", null, none);
        await catalog.EnsureSiteAsync("419639", "bench", none);
        for (int k = 0; k < SegmentationWorkload.Slices; k++)
        {
            await catalog.AddInstanceAsync(new InstanceRecord
            {
                Collection = "BENCH", SiteCode = "419639", PatientId = "BENCH-419639-000001", StudyInstanceUid = Study, SeriesInstanceUid = Series,
                Modality = "CT", SopInstanceUid = Sop(k), SopClassUid = "1.2.840.10008.5.1.4.1.1.2", TransferSyntaxUid = "1.2.840.10008.1.2.1",
                BlobKey = "instances/" + k, ContentHash = new string('a', 64), Rows = 512, Columns = 512, ImagePositionZ = k,
            }, none);
        }

        var reading = ReadingDefaults.Options(options);
        await new SchemaStore(options).ImportAsync(LabelSchemaJson.Serialize(Schema), "bench", none);
        var projects = new ReadingProjectService(reading);
        var curator = new ReadingActor("bench", ReadingRole.Curator);
        await projects.EnsureUserAsync(curator.User, ReadingRole.Curator, none);
        await projects.CreateProjectAsync(curator, new ReadingProjectDefinition("bench", "BENCH", "bench-ct", Readers: [Reader.User]), none);
        var service = new ReadingService(reading);
        var item = (await service.GetWorklistAsync(Reader, "bench", none)).Single();
        return new StorageWorkload(dir, reading, service, item.ReadId);
    }

    /// <summary>One polygon shape per slice (the reader's drawing as stored).</summary>
    public static ReadContent Polygons((double[] Xs, double[] Ys)[] polygons) =>
        new([], [.. polygons.Select((p, k) => new ReadShape("Segmentation", "Infectious opacity", Series, Sop(k), 0, 512, 512, ShapeKind.Polygon,
            [.. p.Xs.Zip(p.Ys).SelectMany(v => new[] { v.First, v.Second })]))]);

    /// <summary>The rasterised volume as one run-length mask shape per non-empty slice.</summary>
    public static ReadContent Masks(MaskVolume volume) =>
        new([], [.. Enumerable.Range(0, volume.SliceCount).Where(k => volume.RunsOf(k).Length > 0).Select(k =>
            new ReadShape("Segmentation", "Infectious opacity", Series, Sop(k), 0, 512, 512, ShapeKind.Mask, Runs: volume.RunsOf(k).ToArray()))]);

    /// <summary>Saves a draft (validated, compressed, written durably).</summary>
    public async Task<ReadView> SaveAsync(ReadContent content)
    {
        var view = await _reading.SaveDraftAsync(Reader, _readId, _version, content, CancellationToken.None);
        _version = view.Version;
        return view;
    }

    public Task<ReadView> LoadAsync() => _reading.GetReadAsync(Reader, _readId, CancellationToken.None);

    /// <summary>Compressed and raw bytes of the payload last stored.</summary>
    public async Task<(long Compressed, long Raw)> PayloadSizeAsync()
    {
        await using var db = CatalogDbContextFactory.Create(new CatalogOptions { Provider = CatalogProvider.Sqlite, DataDirectory = _dir });
        var hash = db.Reads.Where(r => r.Id == _readId).Select(r => r.ShapesHash).Single();
        var p = db.ReadPayloads.Single(x => x.Hash == hash);
        return (p.Data.Length, p.Length);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_dir, recursive: true);
        return ValueTask.CompletedTask;
    }
}
