using System.Buffers.Binary;
using System.IO.Compression;

namespace Ricord.Dicom.Imaging.Rendering;

/// <summary>
/// A minimal PNG writer (ISO/IEC 15948): 8-bit greyscale or truecolour, IHDR, one zlib IDAT with the Up filter on
/// every row but the first (Sub), IEND.
/// </summary>
public static class PngEncoder
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Encode(RenderedImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var output = new MemoryStream();
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], image.Height);
        header[8] = 8; // bit depth
        header[9] = (byte)(image.Channels == 3 ? 2 : 0); // colour type: truecolour or greyscale
        header[10] = 0; // compression: deflate
        header[11] = 0; // filter method 0
        header[12] = 0; // no interlace
        WriteChunk(output, "IHDR"u8, header);
        WriteChunk(output, "IDAT"u8, Compress(image));
        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    /// <summary>A 16-bit greyscale PNG of <paramref name="values"/> (row-major, top row first), with an sBIT chunk saying
    /// how many low bits are significant; rows filtered Up (the first None).</summary>
    public static byte[] EncodeGray16(int width, int height, ReadOnlySpan<ushort> values, int significantBits)
    {
        if (width <= 0 || height <= 0 || values.Length < (long)width * height || significantBits is < 1 or > 16)
        {
            throw new ArgumentException($"a {width}x{height} image needs {(long)width * height} values and 1 to 16 significant bits");
        }

        using var output = new MemoryStream();
        output.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 16; // bit depth
        WriteChunk(output, "IHDR"u8, header);
        WriteChunk(output, "sBIT"u8, [(byte)significantBits]);
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            int stride = width * 2;
            var row = new byte[stride + 1];
            var previous = new byte[stride];
            var current = new byte[stride];
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    BinaryPrimitives.WriteUInt16BigEndian(current.AsSpan(2 * x), values[(y * width) + x]);
                }

                row[0] = (byte)(y == 0 ? 0 : 2);
                for (int i = 0; i < stride; i++)
                {
                    row[i + 1] = (byte)(current[i] - (y == 0 ? 0 : previous[i]));
                }

                z.Write(row);
                (previous, current) = (current, previous);
            }
        }

        WriteChunk(output, "IDAT"u8, compressed.ToArray());
        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    private static byte[] Compress(RenderedImage image)
    {
        int stride = image.Width * image.Channels;
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[stride + 1];
            var pixels = image.Pixels;
            for (int y = 0; y < image.Height; y++)
            {
                // Filter type 2 (Up) suits smooth medical images; the first row has nothing above it, so Sub (1).
                int o = y * stride;
                row[0] = (byte)(y == 0 ? 1 : 2);
                for (int i = 0; i < stride; i++)
                {
                    int prior = y == 0 ? (i >= image.Channels ? pixels[o + i - image.Channels] : 0) : pixels[o + i - stride];
                    row[i + 1] = (byte)(pixels[o + i] - prior);
                }

                z.Write(row);
            }
        }

        return compressed.ToArray();
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        uint crc = Crc32.Update(Crc32.Update(Crc32.Initial, type), data) ^ 0xFFFFFFFF;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        output.Write(word);
    }
}
