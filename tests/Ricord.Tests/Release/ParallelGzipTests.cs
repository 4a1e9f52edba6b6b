using System.IO.Compression;
using Ricord.Release;

namespace Ricord.Tests.Release;

public sealed class ParallelGzipTests
{
    [Fact]
    public void Members_decompress_to_the_input_and_the_bytes_do_not_depend_on_the_threads()
    {
        var data = new byte[(3 * ParallelGzip.BlockSize) + 12345];
        new Random(3).NextBytes(data.AsSpan(0, data.Length / 3));
        var one = ParallelGzip.Compress(data, 1);
        var four = ParallelGzip.Compress(data, 4);
        Assert.Equal(one, four);
        Assert.Equal(data, ParallelGzip.Decompress(four));
        Assert.True(four.Length < data.Length);

        // A plain gzip reader (one GZipStream over the file) sees every member.
        using var reader = new GZipStream(new MemoryStream(four), CompressionMode.Decompress);
        using var all = new MemoryStream();
        reader.CopyTo(all);
        Assert.Equal(data.Length, all.Length);
        Assert.Equal(ParallelGzip.Compress(ReadOnlyMemory<byte>.Empty, 2), ParallelGzip.Compress(Array.Empty<byte>(), 1));
    }
}
