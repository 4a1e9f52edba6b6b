using System.Globalization;
using System.Text;
using Ricord.AgreementBench;
using Ricord.Annotation.Agreement;

// Agreement benchmark: (a) every label statistic with 1,000 bootstrap resamples for 1,000 studies × 3 readers;
// (b) rasterising + run-length encoding a 512 × 512 × 300 segmentation, Dice between two, consensus of three;
// (c) storing that segmentation as a read through the reading service (SQLite on disk) and reading it back.
string output = args.Length > 0 ? args[0] : Path.Combine("bench", "results", "agreement.md");
int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
var inv = CultureInfo.InvariantCulture;
string loadBefore = Load();
var rows = new List<(string Name, double Median, double Min, string Detail)>();

var (appearance, grade) = LabelWorkload.Create(1000, 3, seed: 1);
var options = new AgreementOptions(BootstrapResamples: 1000, Seed: 1);
var tables = Timing.Median(runs, () => LabelWorkload.Create(1000, 3, seed: 1));
rows.Add(("rating tables from 5,880 long-form ratings (2 groups)", tables.MedianMs, tables.MinMs, ""));
var noCi = Timing.Median(runs, () => (CategoricalAgreementCalculator.Compute(appearance, options with { BootstrapResamples = 0 }), CategoricalAgreementCalculator.Compute(grade, options with { BootstrapResamples = 0 })));
rows.Add(("all label statistics, no intervals (2 groups)", noCi.MedianMs, noCi.MinMs, ""));
var all = Timing.Median(runs, () => (CategoricalAgreementCalculator.Compute(appearance, options), CategoricalAgreementCalculator.Compute(grade, options)));
var (a, g) = all.Result;
rows.Add(("**(a) all label statistics + 1,000-resample CIs (2 groups)**", all.MedianMs, all.MinMs,
    string.Create(inv, $"Fleiss κ {a.FleissKappa.Value:F3} [{a.FleissKappa.Lower:F3}, {a.FleissKappa.Upper:F3}]; grade quadratic κw (r0–r1) {g.Pairs[0].QuadraticKappa!.Value:F3}")));

var polygonsA = SegmentationWorkload.Polygons(1.0, 0, 0);
var polygonsB = SegmentationWorkload.Polygons(1.06, 3, -2);
var polygonsC = SegmentationWorkload.Polygons(0.95, -2, 1);
var raster = Timing.Median(runs, () => SegmentationWorkload.Rasterise(polygonsA));
var va = raster.Result;
var vb = SegmentationWorkload.Rasterise(polygonsB);
var vc = SegmentationWorkload.Rasterise(polygonsC);
long runCount = Enumerable.Range(0, va.SliceCount).Sum(k => va.RunsOf(k).Length / 2);
rows.Add(("**(b1) rasterise + RLE-encode 512×512×300, one 64-gon per slice**", raster.MedianMs, raster.MinMs,
    string.Create(inv, $"{va.VoxelCount:N0} voxels in {runCount:N0} runs")));
var geometry = new VoxelGeometry(0.7, 0.7, 1.0);
var dice = Timing.Median(runs * 3, () => MaskOverlap.Of("A", va, "B", vb, geometry));
rows.Add(("**(b2) Dice + IoU + volumes between two such volumes**", dice.MedianMs, dice.MinMs,
    string.Create(inv, $"Dice {dice.Result.Dice:F4}, IoU {dice.Result.Iou:F4}, ΔV {dice.Result.VolumeDifferenceMl:F1} mL")));
var majority = Timing.Median(runs, () => MaskVolume.Majority([va, vb, vc]));
rows.Add(("majority consensus of three volumes", majority.MedianMs, majority.MinMs, string.Create(inv, $"{majority.Result.VoxelCount:N0} voxels")));
var seg = Timing.Median(runs, () => SegmentationAgreementCalculator.Compute("s", "lesion", [new("A", va), new("B", vb), new("C", vc)], geometry));
rows.Add(("segmentation agreement, 3 readers (3 pairs, consensus, 3 vs consensus)", seg.MedianMs, seg.MinMs, ""));
var dense = Timing.Median(runs, () =>
{
    // For scale: the same rasterisation into dense slices without encoding (what a byte-per-voxel volume costs).
    var buffer = new byte[512 * 512];
    long count = 0;
    foreach (var (xs, ys) in polygonsA)
    {
        Ricord.Annotation.PolygonRasterizer.Fill(xs, ys, 512, 512, buffer);
        count += buffer.AsSpan().Count((byte)1);
        Array.Clear(buffer);
    }

    return count;
});
rows.Add(("for scale: rasterise into dense slices + count (no RLE)", dense.MedianMs, dense.MinMs, ""));

// (c) Storing the segmentation as a read: SQLite on disk with its durability (WAL, synchronous=FULL), through the
// reading service. Each run stores different shapes (shifted by the run number in pixels), so no payload is deduplicated.
string storeDir = Path.Combine(Path.GetTempPath(), $"ricord-agreement-bench-{Guid.NewGuid():N}");
await using (var store = await StorageWorkload.CreateAsync(storeDir))
{
    var polygonReads = Enumerable.Range(0, runs + 1).Select(i => StorageWorkload.Polygons(SegmentationWorkload.Polygons(1.0, i, 0))).ToArray();
    var maskReads = Enumerable.Range(0, runs + 1).Select(i => StorageWorkload.Masks(SegmentationWorkload.Rasterise(SegmentationWorkload.Polygons(1.0, i, 0)))).ToArray();
    var savePolygons = await Timing.MedianAsync(runs, i => store.SaveAsync(polygonReads[i]));
    var (compressed, raw) = await store.PayloadSizeAsync();
    rows.Add(("**(c1) store 300 polygons (64-gon) as a read: SaveDraftAsync**", savePolygons.MedianMs, savePolygons.MinMs,
        string.Create(inv, $"shapes JSON {raw / 1024.0:F0} KiB → Brotli {compressed / 1024.0:F0} KiB; validation, SOP UID check, payload insert, row + version row")));
    var loadPolygons = await Timing.MedianAsync(runs, _ => store.LoadAsync());
    rows.Add(("(c2) read it back: GetReadAsync (decompress + parse 300 polygons)", loadPolygons.MedianMs, loadPolygons.MinMs, ""));
    var saveMasks = await Timing.MedianAsync(runs, i => store.SaveAsync(maskReads[i]));
    (compressed, raw) = await store.PayloadSizeAsync();
    rows.Add(("**(c3) store the rasterised volume as 300 run-length masks: SaveDraftAsync**", saveMasks.MedianMs, saveMasks.MinMs,
        string.Create(inv, $"{runCount:N0} runs; JSON {raw / 1024.0:F0} KiB → Brotli {compressed / 1024.0:F0} KiB")));
    var loadMasks = await Timing.MedianAsync(runs, _ => store.LoadAsync());
    rows.Add(("(c4) read the masks back: GetReadAsync", loadMasks.MedianMs, loadMasks.MinMs, ""));
    var polygonSets = Enumerable.Range(0, runs + 1).Select(i => SegmentationWorkload.Polygons(1.0, -i, 1)).ToArray();
    var endToEnd = await Timing.MedianAsync(runs, i => store.SaveAsync(StorageWorkload.Masks(SegmentationWorkload.Rasterise(polygonSets[i]))));
    rows.Add(("**(c5) rasterise 512×512×300 + store it as a read (b1 + c3)**", endToEnd.MedianMs, endToEnd.MinMs, ""));
    var project = await ResultsWorkload.CreateAsync(store);
    var measured = await Timing.MedianAsync(runs, _ => project.MeasureAsync());
    var ab = measured.Result.Report.Segmentations.Single().Pairs[0];
    rows.Add(("(d) segmentation agreement via the results service: 3 stored reads, 300 headers from blobs", measured.MedianMs, measured.MinMs,
        string.Create(inv, $"Dice A–B {ab.Dice:F4}, {measured.Result.Report.Segmentations.Single().Readers[0].VolumeMl:F1} mL; payloads, headers, rasterising, overlap")));
}

string loadAfter = Load();
var report = new StringBuilder();
report.AppendLine("# Agreement benchmark").AppendLine()
    .AppendLine(inv, $"`dotnet run -c Release --project bench/Ricord.AgreementBench` — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPUs, .NET {Environment.Version}.")
    .AppendLine(inv, $"Load average (1, 5, 15 min) before: {loadBefore}; after: {loadAfter}. Above about 2 on these 2 CPUs, other processes were competing for them.")
    .AppendLine(inv, $"Median and best of {runs} runs after one warm-up run (b2: {runs * 3} runs), single-threaded, wall time.")
    .AppendLine("On a loaded machine medians move by up to 2× between runs (other processes take the CPUs and the disk); the best column is nearer an idle machine.").AppendLine()
    .AppendLine("| Operation | Median ms | Best ms | Detail |").AppendLine("|---|---:|---:|---|");
foreach (var (name, median, min, detail) in rows)
{
    report.AppendLine(inv, $"| {name} | {median:F1} | {min:F1} | {detail} |");
    Console.WriteLine(string.Create(inv, $"{name,-80} {median,9:F1} ms (best {min:F1})  {detail}"));
}

report.AppendLine().AppendLine("Workload (a): 1,000 studies × 3 readers, 2% missing reads; appearance (4 nominal classes) and grade")
    .AppendLine("(3 ordinal grades, only where a reader did not call the study negative). Per group: percent agreement,")
    .AppendLine("unanimity, Fleiss' κ, per reader pair and reader-vs-consensus percent agreement, Cohen's κ, linear and")
    .AppendLine("quadratic κw (grade), confusion matrices; every statistic recomputed on each of 1,000 bootstrap resamples.")
    .AppendLine("Workload (b): an ellipsoidal lesion through all 300 slices (up to 220 × 160 pixels: lung-sized, a worst case for")
    .AppendLine("runs; real lesions are far smaller), one 64-vertex polygon per")
    .AppendLine("slice; reader B scaled 1.06 and shifted (3, −2) px, reader C scaled 0.95 and shifted (−2, 1) px.")
    .AppendLine("Workload (c): the (b) lesion stored as one reader's draft through `ReadingService.SaveDraftAsync` into a SQLite catalog on")
    .AppendLine("local disk (WAL, synchronous=FULL: every save is fsynced), one CT study of 300 catalogued instances; each run stores")
    .AppendLine("other shapes (shifted by the run number), so every save compresses and writes a new payload; (c2)/(c4) load the read with")
    .AppendLine("its shapes through `GetReadAsync`. (d): three readers submitted the (b) polygons; `ProjectResultsService.GetAgreementAsync`")
    .AppendLine("with segmentation loads the project, fetches and decompresses the three payloads, reads the 300 instance headers from")
    .AppendLine("a file-system blob store (512 KiB files; 64 KiB prefix each, grid cache new every run), rasterises and measures.");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
File.WriteAllText(output, report.ToString());
Console.WriteLine($"Wrote {output}");

static string Load() => File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
