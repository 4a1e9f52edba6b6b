using System.Diagnostics;
using Ricord.Deid;
using Ricord.Hosting;
using Ricord.Ingest;
using Ricord.Storage;

namespace Ricord.IngestProbe;

/// <summary>The real pipeline, every site in one pass (as <c>ricord ingest</c> runs it), against several stores:
/// <c>real</c> (the data directory's own, durable), <c>packed</c> (a prototype packed layout), <c>nosync</c> (each
/// draft a file, renamed, never fsynced), <c>null</c> (bytes serialized and hashed, then dropped) and the <c>fs*</c>
/// variants of the real write path (<see cref="ShardedBlobStore"/>). The differences say what durable storage costs and
/// what the rest of the pipeline costs on its own: the floor no storage layout can go below.</summary>
internal static class FloorProbe
{
    public static async Task RunAsync(IReadOnlyList<(string Site, string[] Files)> sites, string work, int parallel, string store)
    {
        string dir = Path.Combine(work, "floor-" + store);
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        using var data = new RicordDataDirectory(dir);
        await data.InitializeAsync(CancellationToken.None);
        IBlobStore blobs = store switch
        {
            "real" => data.Blobs,
            "null" => new NullBlobStore(),
            "nosync" => new UnsyncedBlobStore(Path.Combine(dir, "nosync")),
            "packed" => new PackedBlobStore(Path.Combine(dir, "packs")),
            "fs256" => new ShardedBlobStore(Path.Combine(dir, "fs"), 256, oneFolderSync: false),
            "fs256one" => new ShardedBlobStore(Path.Combine(dir, "fs"), 256, oneFolderSync: true),
            "fs16" => new ShardedBlobStore(Path.Combine(dir, "fs"), 16, oneFolderSync: false),
            _ => throw new ArgumentException($"unknown store {store}"),
        };
        var pipeline = new IngestPipeline(data.Catalog, blobs, new Deidentifier(), data.LinkTable, data.Vault);
        var inputs = sites.Select(s => new IngestInput(IngestSource.EnumerateAsync(s.Files, CancellationToken.None),
            new IngestOptions { Collection = "PROBE", SiteCode = s.Site, Parallelism = parallel })).ToList();
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var report = await pipeline.RunAsync(inputs);
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds, s = report.Elapsed.TotalSeconds;
        Console.WriteLine(FormattableString.Invariant(
            $"store={store} processed={report.Processed} accepted={report.Accepted} pipeline_s={s:F2} cpu_s={cpu:F2} inst/s={report.Processed / s:F0}"));
    }
}
