using System.Diagnostics;
using Ricord.Dicom;

namespace Ricord.ParseBench;

/// <summary>One timed pass over a list of files.</summary>
internal static class ParseRun
{
    private static readonly DicomReadOptions HeaderOnly = new() { StopBeforePixelData = true };

    /// <summary>Per-thread read buffer for <see cref="ParseMode.FullReuse"/>.</summary>
    [ThreadStatic]
    private static byte[]? _buffer;

    public static (TimeSpan Elapsed, long AllocatedBytes) Run(string[] files, ParseMode mode, int threads)
    {
        long checksum = 0;
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        if (threads <= 1)
        {
            foreach (string f in files)
            {
                checksum += ParseOne(f, mode);
            }
        }
        else
        {
            Parallel.ForEach(
                files,
                new ParallelOptions { MaxDegreeOfParallelism = threads },
                () => 0L,
                (f, _, local) => local + ParseOne(f, mode),
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

    /// <summary>
    /// Header: open through the file window and stop at pixel data. Full: read all bytes into a fresh array and touch
    /// the pixel data. FullReuse: the same into a reused buffer (the parsed file is dropped before the next read, as
    /// ingest's pooled ItemBytes do), which removes the fresh 0.5 MB array, and its page faults, per file. FullLazy:
    /// every element parsed through the file window, Pixel Data located (offset and length) but left in the file
    /// until asked for (what dcmdump -M does).
    /// </summary>
    private static long ParseOne(string path, ParseMode mode)
    {
        if (mode == ParseMode.Header)
        {
            var header = DicomFile.Open(path, HeaderOnly);
            return header.Dataset.Count;
        }

        if (mode == ParseMode.FullLazy)
        {
            var lazy = DicomFile.Open(path);
            return lazy.Dataset.Count + (lazy.Dataset[DicomTags.PixelData]?.Length ?? 0);
        }

        ReadOnlyMemory<byte> bytes;
        if (mode == ParseMode.FullReuse)
        {
            using var handle = File.OpenHandle(path);
            long length = RandomAccess.GetLength(handle);
            if (_buffer is null || _buffer.Length < length)
            {
                _buffer = new byte[length];
            }

            int read = 0;
            while (read < length && RandomAccess.Read(handle, _buffer.AsSpan(read, (int)length - read), read) is var n and > 0)
            {
                read += n;
            }

            bytes = _buffer.AsMemory(0, read);
        }
        else
        {
            bytes = File.ReadAllBytes(path);
        }

        var file = DicomFile.Read(bytes);
        var pixels = file.Dataset[DicomTags.PixelData] is { } e ? e.Bytes : default;
        return file.Dataset.Count + (pixels.IsEmpty ? 0 : pixels[^1] + pixels.Length);
    }
}
