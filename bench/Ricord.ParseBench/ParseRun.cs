using System.Diagnostics;
using Ricord.Dicom;

namespace Ricord.ParseBench;

/// <summary>One timed pass over a list of files.</summary>
internal static class ParseRun
{
    private static readonly DicomReadOptions HeaderOnly = new() { StopBeforePixelData = true };

    /// <summary>Per-thread buffer for <see cref="ParseMode.FullRead"/> and <see cref="ParseMode.FullMemory"/>.</summary>
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

    /// <summary>One file as <paramref name="mode"/> says (<see cref="ParseMode"/>), through the API a user of
    /// Ricord.Dicom calls; the return value (element count plus bytes touched) keeps the work from being skipped.</summary>
    private static long ParseOne(string path, ParseMode mode)
    {
        switch (mode)
        {
            case ParseMode.Header:
                return DicomFile.Open(path, HeaderOnly).Dataset.Count;
            case ParseMode.Full:
            {
                var file = DicomFile.Open(path);
                return file.Dataset.Count + (file.Dataset[DicomTags.PixelData]?.Length ?? 0);
            }

            case ParseMode.FullRead:
            {
                var file = DicomFile.Open(path);
                if (file.Dataset[DicomTags.PixelData] is not { } pixels)
                {
                    return file.Dataset.Count;
                }

                var buffer = Buffer(pixels.Length);
                pixels.Buffer.CopyTo(buffer);
                return file.Dataset.Count + buffer[(int)pixels.Length - 1] + pixels.Length;
            }

            case ParseMode.FullArray:
            {
                var file = DicomFile.Open(path);
                var pixels = file.Dataset[DicomTags.PixelData] is { } e ? e.Bytes : default;
                return file.Dataset.Count + (pixels.IsEmpty ? 0 : pixels[^1] + pixels.Length);
            }

            default:
            {
                ReadOnlyMemory<byte> bytes = mode == ParseMode.FullMemory ? ReadReused(path) : File.ReadAllBytes(path);
                var file = DicomFile.Read(bytes);
                var pixels = file.Dataset[DicomTags.PixelData] is { } e ? e.Bytes : default;
                return file.Dataset.Count + (pixels.IsEmpty ? 0 : pixels[^1] + pixels.Length);
            }
        }
    }

    private static byte[] Buffer(long length)
    {
        if (_buffer is null || _buffer.Length < length)
        {
            _buffer = new byte[length];
        }

        return _buffer;
    }

    private static ReadOnlyMemory<byte> ReadReused(string path)
    {
        using var handle = File.OpenHandle(path);
        long length = RandomAccess.GetLength(handle);
        var buffer = Buffer(length);
        int read = 0;
        while (read < length && RandomAccess.Read(handle, buffer.AsSpan(read, (int)length - read), read) is var n and > 0)
        {
            read += n;
        }

        return buffer.AsMemory(0, read);
    }
}
