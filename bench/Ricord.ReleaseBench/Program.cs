using System.Diagnostics;
using System.Globalization;
using Ricord.Dicom;
using Ricord.Release;
using Ricord.ReleaseBench;

// Ricord.ReleaseBench SERIES_DIR [ROUNDS]   — NIfTI stage vs dcm2niix (whole processes), gzip vs pigz, SEG write time.
// Ricord.ReleaseBench nifti SERIES_DIR OUT.nii — the NIfTI stage alone (what the comparison runs as a process).
// Ricord.ReleaseBench recompress SERIES_DIR [ROUNDS] — lossless re-compression (JPEG-LS, RLE) vs dcmcjpls / dcmcrle.
if (args is ["recompress", var toRecompress, .. var rest])
{
    return RecompressWorkload.Run(toRecompress, rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 3);
}

if (args is ["nifti", var series, var output])
{
    var clock = Stopwatch.StartNew();
    var files = Directory.EnumerateFiles(series).Order(StringComparer.Ordinal).Select(f => DicomFile.Open(f)).ToList();
    double open = clock.Elapsed.TotalSeconds;
    var planned = NiftiVolume.Plan(files, out string? reason) ?? throw new InvalidOperationException(reason);
    double plan = clock.Elapsed.TotalSeconds;
    var (header, voxels) = planned.Build();
    double build = clock.Elapsed.TotalSeconds;
    using (var file = File.Create(output))
    {
        file.Write(header.ToBytes());
        file.Write(voxels);
    }

    if (Environment.GetEnvironmentVariable("RICORD_BENCH_STAGES") == "1")
    {
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"open {open:F3} plan {plan - open:F3} build {build - plan:F3} write {clock.Elapsed.TotalSeconds - build:F3}"));
    }

    return 0;
}

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Ricord.ReleaseBench SERIES_DIR [ROUNDS]");
    return 1;
}

string dir = args[0];
int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
string work = Directory.CreateTempSubdirectory("ricord-release-bench-").FullName;
string self = Environment.ProcessPath!;
string selfArgs = self.EndsWith("dotnet", StringComparison.Ordinal) ? typeof(Timing).Assembly.Location + " " : "";
Console.WriteLine($"series: {dir} ({Directory.GetFiles(dir).Length} files, {Directory.GetFiles(dir).Sum(f => new FileInfo(f).Length) / 1e6:F1} MB); {Environment.ProcessorCount} cores; {rounds} rounds");

var nifti = new Timing("NIfTI stage: ricord (process)");
var dcm2niix = new Timing("NIfTI stage: dcm2niix -z n (process)");
for (int r = 0; r < rounds; r++)
{
    nifti.Add(Timing.Process(self, $"{selfArgs}nifti {dir} {Path.Combine(work, "ours.nii")}"));
    string d2n = Directory.CreateDirectory(Path.Combine(work, $"d2n{r}")).FullName;
    dcm2niix.Add(Timing.Process("dcm2niix", $"-z n -b n -f v -o {d2n} {dir}"));
}

Console.WriteLine(nifti);
Console.WriteLine(dcm2niix);
Console.WriteLine($"ratio dcm2niix / ricord (median): {dcm2niix.Median / nifti.Median:F2}");

byte[] nii = File.ReadAllBytes(Path.Combine(work, "ours.nii"));
var ours = new Timing("gzip: ricord ParallelGzip, 2 threads, fastest");
var oursOptimal = new Timing("gzip: ricord ParallelGzip, 2 threads, optimal");
var pigzFast = new Timing("gzip: pigz -p 2 -1");
var pigz = new Timing("gzip: pigz -p 2 (level 6)");
long sizeFast = 0, sizeOptimal = 0;
for (int r = 0; r < rounds; r++)
{
    var sw = Stopwatch.StartNew();
    sizeFast = ParallelGzip.Compress(nii, 2, System.IO.Compression.CompressionLevel.Fastest).Length;
    ours.Add(sw.Elapsed.TotalSeconds);
    sw.Restart();
    sizeOptimal = ParallelGzip.Compress(nii, 2, System.IO.Compression.CompressionLevel.Optimal).Length;
    oursOptimal.Add(sw.Elapsed.TotalSeconds);
    pigzFast.Add(Timing.Process("/bin/sh", $"-c \"pigz -p 2 -1 -c {Path.Combine(work, "ours.nii")} > {Path.Combine(work, "p1.gz")}\""));
    pigz.Add(Timing.Process("/bin/sh", $"-c \"pigz -p 2 -c {Path.Combine(work, "ours.nii")} > {Path.Combine(work, "p6.gz")}\""));
}

Console.WriteLine($"{ours} → {sizeFast / 1e6:F1} MB");
Console.WriteLine($"{oursOptimal} → {sizeOptimal / 1e6:F1} MB");
Console.WriteLine($"{pigzFast} → {new FileInfo(Path.Combine(work, "p1.gz")).Length / 1e6:F1} MB");
Console.WriteLine($"{pigz} → {new FileInfo(Path.Combine(work, "p6.gz")).Length / 1e6:F1} MB");
Console.WriteLine($"ratio pigz -1 / ricord fastest: {pigzFast.Median / ours.Median:F2}; pigz -6 / ricord optimal: {pigz.Median / oursOptimal.Median:F2}");

var seg = new Timing("SEG write 512×512×300, 5 segments (in process)");
var (volume, labels, masks) = SegWorkload.Create(512, 300, 5);
int bytes = 0;
for (int r = 0; r < Math.Max(rounds, 5); r++)
{
    var sw = Stopwatch.StartNew();
    bytes = SegmentationDocument.Build(volume, labels, masks, "bench").Length;
    seg.Add(sw.Elapsed.TotalSeconds);
}

Console.WriteLine($"{seg} → {bytes / 1e6:F1} MB, {masks.Sum(m => Enumerable.Range(0, m.Mask.SliceCount).Count(k => m.Mask.RunsOf(k).Length > 0))} frames");
Directory.Delete(work, recursive: true);
return 0;
