using System.Diagnostics;
using Ricord.Deid;
using Ricord.Hosting;
using Ricord.Ingest;
using Ricord.Storage;

namespace Ricord.IngestProbe;

/// <summary>The real <see cref="IngestPipeline"/>, every site in one process (as a server would run it),
/// with the catalog and blob store wrapped in timers. Reports per site wall and CPU time, then where the
/// workers' time went. <c>durable: false</c> swaps the blob writes for unsynced ones (experiment only).</summary>
internal static class PipelineProbe
{
    public static async Task RunAsync(IReadOnlyList<(string Site, string[] Files)> sites, string work, int parallel, bool durable)
    {
        string dir = Path.Combine(work, durable ? "pipeline" : "pipeline-nofsync");
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        var clock = new StageClock();
        var process = Process.GetCurrentProcess();
        var start = Stopwatch.StartNew();
        using var data = new RicordDataDirectory(dir);
        await data.InitializeAsync(CancellationToken.None);
        Console.WriteLine(FormattableString.Invariant($"pipeline, --parallel {parallel}, blobs {(durable ? "durable (fsync)" : "NOT durable (experiment)")}: open + migrate fresh data dir {start.Elapsed.TotalSeconds:F2} s"));
        var pipeline = new IngestPipeline(new TimedCatalog(data.Catalog, clock), new TimedBlobStore((FileSystemBlobStore)data.Blobs, clock, durable),
            new Deidentifier(), data.LinkTable, data.Vault);
        long total = 0;
        double totalSeconds = 0;
        long alloc0 = GC.GetTotalAllocatedBytes(true);
        int gen2 = GC.CollectionCount(2);
        foreach (var (site, files) in sites)
        {
            var cpu0 = process.TotalProcessorTime;
            var options = new IngestOptions { Collection = "PROBE", SiteCode = site, Parallelism = parallel };
            var report = await pipeline.RunAsync(IngestSource.EnumerateAsync(files, CancellationToken.None), options);
            process.Refresh();
            double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds, s = report.Elapsed.TotalSeconds;
            total += report.Processed;
            totalSeconds += s;
            Console.WriteLine(FormattableString.Invariant(
                $"  site {site}: {report.Processed} inst ({report.Accepted} accepted, {report.Quarantined} quarantined), {report.Bytes / 1e6:F1} MB in {s:F2} s = {report.Processed / s:F1} inst/s, {report.Bytes / 1e6 / s:F1} MB/s; CPU {cpu:F2} s = {1000 * cpu / report.Processed:F1} ms/inst"));
        }

        Console.WriteLine(FormattableString.Invariant(
            $"  all sites: {total} inst in {totalSeconds:F2} s = {total / totalSeconds:F1} inst/s; allocated {(GC.GetTotalAllocatedBytes(true) - alloc0) / (double)total / 1e6:F2} MB/inst, gen2 GCs {GC.CollectionCount(2) - gen2}; time per stage:"));
        foreach (var line in clock.Report(total, totalSeconds * parallel))
        {
            Console.WriteLine(line);
        }
    }
}
