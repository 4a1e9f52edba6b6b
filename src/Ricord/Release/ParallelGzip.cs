using System.IO.Compression;

namespace Ricord.Release;

/// <summary>
/// gzip on every core, as pigz does it but simpler: the input is cut into 1 MiB blocks, each compressed on its own into
/// a complete gzip member, and the members are concatenated (RFC 1952 2.2: a gzip file is a series of members; zlib,
/// Python's gzip, nibabel, ITK and gunzip read them all). Deterministic: the same bytes and level give the same output,
/// whatever the number of threads. Costs a little ratio (the dictionary restarts per block).
/// </summary>
public static class ParallelGzip
{
    public const int BlockSize = 1 << 20;

    public static byte[] Compress(ReadOnlyMemory<byte> data, int parallelism, CompressionLevel level = CompressionLevel.Optimal)
    {
        int blocks = Math.Max(1, (int)((data.Length + (long)BlockSize - 1) / BlockSize));
        var members = new byte[blocks][];
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, b =>
        {
            var block = data.Slice(b * BlockSize, Math.Min(BlockSize, data.Length - (b * BlockSize)));
            using var output = new MemoryStream((block.Length / 2) + 64);
            using (var gzip = new GZipStream(output, level, leaveOpen: true))
            {
                gzip.Write(block.Span);
            }

            members[b] = output.ToArray();
        });
        var result = new byte[members.Sum(m => (long)m.Length)];
        long at = 0;
        foreach (var m in members)
        {
            m.CopyTo(result, at);
            at += m.Length;
        }

        return result;
    }

    /// <summary>Every member of a gzip file, decompressed and concatenated.</summary>
    public static byte[] Decompress(byte[] gzip)
    {
        ArgumentNullException.ThrowIfNull(gzip);
        using var input = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
