using System.Diagnostics;
using System.Security.Cryptography;
using Ricord.Deid;
using Ricord.Dicom;
using Ricord.Hosting;
using Ricord.Ingest;
using Ricord.Storage;

namespace Ricord.IngestProbe;

/// <summary>One thread, one instance at a time, each ingest step timed on its own with the library's public
/// API, in the pipeline's order. A first pass into a throwaway data directory warms the JIT; the second pass,
/// into a fresh one, is reported.</summary>
internal static class StageProbe
{
    public static async Task RunAsync(IReadOnlyList<(string Site, string[] Files)> sites, string work)
    {
        await PassAsync(sites, Path.Combine(work, "warm"), report: false);
        await PassAsync(sites, Path.Combine(work, "measured"), report: true);
    }

    private static async Task PassAsync(IReadOnlyList<(string Site, string[] Files)> sites, string dir, bool report)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        var clock = new StageClock();
        using var data = new RicordDataDirectory(dir);
        await clock.TimeAsync("migrate (fresh db)", () => data.InitializeAsync(CancellationToken.None));
        var blobs = (FileSystemBlobStore)data.Blobs;
        var raw = Path.Combine(dir, "raw");
        Directory.CreateDirectory(raw);
        var deidentifier = new Deidentifier();
        int n = 0, risky = 0;
        long bytesIn = 0;
        long alloc0 = GC.GetTotalAllocatedBytes(true);
        int gc0 = GC.CollectionCount(0), gc2 = GC.CollectionCount(2);
        var wall = Stopwatch.StartNew();
        foreach (var (site, files) in sites)
        {
            var options = new IngestOptions { Collection = "PROBE", SiteCode = site, Parallelism = 1 };
            await data.Catalog.EnsureCollectionAsync(options.Collection, null, CancellationToken.None);
            await data.Catalog.EnsureSiteAsync(site, site, CancellationToken.None);
            var context = new DeidContext(data.LinkTable, options.Collection, site);
            foreach (var path in files)
            {
                byte[] bytes = clock.Time("read file", () => File.ReadAllBytes(path));
                bytesIn += bytes.Length;
                n++;
                var file = clock.Time("parse", () => DicomFile.Read(bytes));
                if (clock.Time("validate", () => InstanceValidator.Check(file, options)) is not null)
                {
                    continue;
                }

                DicomFile output = null!;
                var deid = clock.Time("de-identify", () => deidentifier.Apply(file, context, out output));
                if (deid.BurnedInAnnotationRisk is not null)
                {
                    risky++;
                    continue;
                }

                byte[] stored = clock.Time("serialize (ToBytes)", () => output.ToBytes());
                string hash = clock.Time("sha-256 + hex", () => Convert.ToHexStringLower(SHA256.HashData(stored)));
                string key = BlobKey.ForContent(hash, "instances");
                await clock.TimeAsync("blob exists", () => blobs.ExistsAsync(key, CancellationToken.None));
                await clock.TimeAsync("blob put (fsync)", () => blobs.PutAsync(key, new MemoryStream(stored, false), CancellationToken.None));
                clock.Time("write copy, no fsync", () => { File.WriteAllBytes(Path.Combine(raw, hash), stored); return 0; });
                var record = clock.Time("instance record", () => InstanceRecords.From(output, options, key, stored.LongLength, hash));
                await clock.TimeAsync("catalog add instance", () => data.Catalog.AddInstanceAsync(record, CancellationToken.None));
            }
        }

        wall.Stop();
        if (!report)
        {
            return;
        }

        double s = wall.Elapsed.TotalSeconds;
        Console.WriteLine(FormattableString.Invariant(
            $"stages, 1 thread, warm JIT: {n} instances ({risky} held for burned-in review), {bytesIn / 1e6:F1} MB in {s:F2} s (includes the extra no-fsync copy): {n / s:F1} inst/s"));
        Console.WriteLine(FormattableString.Invariant(
            $"  allocated {(GC.GetTotalAllocatedBytes(true) - alloc0) / (double)n / 1e6:F2} MB/instance; GCs gen0 {GC.CollectionCount(0) - gc0}, gen2 {GC.CollectionCount(2) - gc2}"));
        foreach (var line in clock.Report(n, s))
        {
            Console.WriteLine(line);
        }
    }
}
