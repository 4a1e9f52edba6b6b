using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;
using Ricord.Testing;
using Xunit.Abstractions;

namespace Ricord.Cli.Tests.Commands;

/// <summary>
/// The real `ricord ingest` killed with SIGKILL twenty times at seeded random points of three kinds, each run resumed
/// on the same data directory: <see cref="CrashPoint.StartUp"/> (a random delay after the process starts: runtime
/// start-up, migrations, the sweep of the previous run's temp files and intents), <see cref="CrashPoint.MidBatch"/>
/// (a random 0–20 ms after the first blob of a batch never stored before reached the store) and <see cref="CrashPoint.Commit"/> (once this run stored a new
/// blob, the test holds the catalog's write lock, so the run's next catalog transaction (the batch's index commit or
/// the next batch's intents) waits for it; the kill lands there). Then one clean run: every input instance is indexed
/// exactly once, no quarantine entry is duplicated, no blob, temp file or blob intent is left over, and the catalog
/// equals one clean ingest of the same input (same SOP Instance UIDs, content hashes and blob keys).
/// </summary>
public sealed class IngestCrashRepeatedTests(ITestOutputHelper output)
{
    private const int Kills = 20;

    [Fact]
    public Task Killed_twenty_times_converges_on_SQLite() => ConvergesAsync(seed: 20, postgres: null);

    [PostgresFact]
    public async Task Killed_twenty_times_converges_on_PostgreSQL()
    {
        var (name, connectionString) = await TestPostgres.CreateDatabaseAsync("ricord_crash20");
        try
        {
            await ConvergesAsync(seed: 21, postgres: connectionString);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(name);
        }
    }

    private async Task ConvergesAsync(int seed, string? postgres)
    {
        string root = Path.Combine(Path.GetTempPath(), "ricord-crash20-" + Guid.NewGuid().ToString("N")[..12]);
        // More instances than the other crash tests' input (small radiographs keep it quick): a run stores whole batches
        // of up to 128 instances between two polls of the store, and twenty kills must not run out of work before the last.
        var input = IngestCrashFixture.Make(Path.Combine(root, "input"), messy: false, slices: 16, cxrPatients: 250);
        string data = Path.Combine(root, "data");
        var (environment, options) = IngestCrashTests.Catalog(data, postgres);

        string[] Args(IEnumerable<string> paths) =>
            ["ingest", .. paths, input.Extras, "--collection", IngestCrashTests.Collection, "--site", IngestCrashFixture.Site, "--data", data, "--parallel", "2"];
        string[] args = Args([input.SiteDicom]);
        // Run k resumes everything runs 1..k-1 were given and adds one new part of the input, so every kill meets work
        // still to do however fast the machine is (on a quiet machine the whole input was done after a few runs).
        var parts = SplitIntoParts(input.SiteDicom, Kills);
        var random = new Random(seed);
        var landed = new Dictionary<CrashPoint, int>();
        var log = new StringBuilder();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            // The first kill lands in start-up, on an empty directory (catalog creation, migrations); the other 19 are
            // 6 start-up, 7 mid-batch and 6 commit kills in a seeded random order.
            CrashPoint[] points = [CrashPoint.StartUp, .. Enumerable.Repeat(CrashPoint.StartUp, 6), .. Enumerable.Repeat(CrashPoint.MidBatch, 7), .. Enumerable.Repeat(CrashPoint.Commit, 6)];
            random.Shuffle(points.AsSpan(1));
            for (int k = 0; k < Kills; k++)
            {
                var point = points[k];
                int delay = random.Next(0, 800);
                var before = BlobPaths(data);
                using var cli = CliProcess.Start(environment, Args(parts.Take(k + 1)));
                bool? finished = null;
                async Task KillAsync()
                {
                    finished ??= cli.HasExited;
                    await cli.KillAsync();
                }

                switch (point)
                {
                    case CrashPoint.StartUp:
                        await Task.Delay(delay);
                        break;
                    case CrashPoint.MidBatch:
                        await IngestCrashTests.UntilAsync(() => cli.HasExited || HasNewBlob(data, before), TimeSpan.FromSeconds(90));
                        await Task.Delay(delay / 40);
                        break;
                    default:
                        await IngestCrashTests.UntilAsync(() => cli.HasExited || HasNewBlob(data, before), TimeSpan.FromSeconds(90));
                        await using (await CatalogWriteLock.TakeAsync(options))
                        {
                            await Task.Delay(delay / 4);
                            await KillAsync();
                        }

                        break;
                }

                await KillAsync();
                log.AppendLine(CultureInfo.InvariantCulture,
                    $"{clock.Elapsed.TotalSeconds:F1} s: run {k + 1} {point} {(finished == true ? "finished before the kill" : "killed")} at {IngestCrashTests.BlobFiles(data)} blobs, {await IngestCrashTests.IndexedAsync(options)} indexed");
                if (finished == false)
                {
                    landed[point] = (landed.TryGetValue(point, out int n) ? n : 0) + 1;
                }
            }

            var recovered = await IngestCrashTests.RunToEndAsync(environment, args, options, data, log, clock);
            await AssertNoIntentsAsync(options);
            var reference = await IngestCrashTests.ReferenceAsync(input, parallel: 2, Path.Combine(root, "reference"), data);
            string hits = string.Join(", ", landed.Select(p => $"{p.Key} {p.Value}"));
            log.AppendLine(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds:F1} s: reference done; kills that hit a live process: {hits}");
            Assert.True(reference.Instances.Length > 40 && reference.Quarantine.Length >= 2, $"too little to mean anything: {reference.Instances.Length} instances");
            IngestCrashTests.AssertSame(reference, recovered);
            Assert.True(landed.Values.Sum() >= Kills * 7 / 10 && landed.Count == 3 && landed.Values.Min() >= 2, $"too few kills hit a running ingest\n{log}");
        }
        finally
        {
            log.AppendLine(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds:F1} s: end");
            output.WriteLine(log.ToString());
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>The blob files in the store now (a blob re-stored after a sweep keeps its path: not new).</summary>
    private static HashSet<string> BlobPaths(string data)
    {
        string blobs = Path.Combine(data, "blobs", "instances");
        return Directory.Exists(blobs) ? Directory.EnumerateFiles(blobs, "*", SearchOption.AllDirectories).ToHashSet(StringComparer.Ordinal) : [];
    }

    private static bool HasNewBlob(string data, HashSet<string> before) => BlobPaths(data).Any(p => !before.Contains(p));

    private static async Task AssertNoIntentsAsync(CatalogOptions options)
    {
        var db = CatalogDbContextFactory.Create(options);
        await using (db)
        {
            Assert.Equal(0, await db.BlobIntents.CountAsync());
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>Moves the files under <paramref name="folder"/> into <paramref name="count"/> sub-folders, round robin (names kept unique).</summary>
    private static List<string> SplitIntoParts(string folder, int count)
    {
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var parts = Enumerable.Range(0, count).Select(i => Path.Combine(folder, $"part-{i:D2}")).ToList();
        parts.ForEach(p => Directory.CreateDirectory(p));
        for (int i = 0; i < files.Count; i++)
        {
            File.Move(files[i], Path.Combine(parts[i % count], $"{i:D5}-{Path.GetFileName(files[i])}"));
        }

        return parts;
    }
}
