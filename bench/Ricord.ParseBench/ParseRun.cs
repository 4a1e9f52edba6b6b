using System.Diagnostics;
using Ricord.Dicom;

namespace Ricord.ParseBench;

/// <summary>One timed pass over a list of files.</summary>
internal static class ParseRun
{
    private static readonly DicomReadOptions HeaderOnly = new() { StopBeforePixelData = true };

    public static (TimeSpan Elapsed, long AllocatedBytes) Run(string[] files, bool full, int threads)
    {
        long checksum = 0;
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        if (threads <= 1)
        {
            foreach (string f in files)
            {
                checksum += ParseOne(f, full);
            }
        }
        else
        {
            Parallel.ForEach(
                files,
                new ParallelOptions { MaxDegreeOfParallelism = threads },
                () => 0L,
                (f, _, local) => local + ParseOne(f, full),
                local => Interlocked.Add(ref checksum, local));
        }

        clock.Stop();
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        if (checksum == 0)
        {
            throw new InvalidOperationException("no elements parsed");
        }

        return (clock.Elapsed, allocated);
    }

    /// <summary>Header only: open through the file window and stop at pixel data. Full: read all bytes and touch the pixel data.</summary>
    private static long ParseOne(string path, bool full)
    {
        if (!full)
        {
            var header = DicomFile.Open(path, HeaderOnly);
            return header.Dataset.Count;
        }

        var file = DicomFile.Read(File.ReadAllBytes(path));
        var pixels = file.Dataset[DicomTags.PixelData] is { } e ? e.Bytes : default;
        return file.Dataset.Count + (pixels.IsEmpty ? 0 : pixels[^1] + pixels.Length);
    }
}
