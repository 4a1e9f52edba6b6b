using System.Diagnostics;
using System.Globalization;
using Ricord.Release;

namespace Ricord.ReleaseBench;

/// <summary>
/// `recompress SERIES_DIR [ROUNDS]`: the release's lossless re-compression of every file of a series (JPEG-LS and RLE, in
/// process on 2 threads, each file read back and its frames compared byte for byte with the original's) against dcmtk's
/// dcmcjpls / dcmcrle on the same files (one process per file, 2 at a time, no check), with the bytes written.
/// </summary>
internal static class RecompressWorkload
{
    public static int Run(string dir, int rounds)
    {
        var files = Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal).ToList();
        long input = files.Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"series: {dir} ({files.Count} files, {input / 1e6:F1} MB); {Environment.ProcessorCount} cores; {rounds} rounds");
        string work = Directory.CreateTempSubdirectory("ricord-recompress-bench-").FullName;
        foreach (var (name, tool, extra) in new[] { (ReleaseSpec.JpegLs, "dcmcjpls", "+el"), (ReleaseSpec.Rle, "dcmcrle", "") })
        {
            var target = DicomRecompression.Target(name);
            var ours = new Timing($"{name}: ricord (2 threads, with the pixel check)");
            var peer = new Timing($"{name}: {tool} {extra} (a process per file, 2 at a time)");
            long oursBytes = 0;
            for (int r = 0; r < rounds; r++)
            {
                var sw = Stopwatch.StartNew();
                long total = 0;
                Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 2 }, f =>
                {
                    var bytes = DicomRecompression.Recompress(File.ReadAllBytes(f), target, out string? kept)
                        ?? throw new InvalidOperationException($"{f} kept: {kept}");
                    Interlocked.Add(ref total, bytes.Length);
                });
                ours.Add(sw.Elapsed.TotalSeconds);
                oursBytes = total;
                string output = Directory.CreateDirectory(Path.Combine(work, $"{name}{r}")).FullName;
                peer.Add(Timing.Process("/bin/sh", $"-c \"ls {dir} | xargs -P 2 -I @@ {tool} {extra} {dir}/@@ {output}/@@\""));
            }

            long peerBytes = Directory.EnumerateFiles(Path.Combine(work, $"{name}{rounds - 1}")).Sum(f => new FileInfo(f).Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ours} → {oursBytes / 1e6:F1} MB ({input / (double)oursBytes:F2}:1)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{peer} → {peerBytes / 1e6:F1} MB ({input / (double)peerBytes:F2}:1)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio {tool} / ricord (median): {peer.Median / ours.Median:F2}"));
        }

        Directory.Delete(work, recursive: true);
        return 0;
    }
}
