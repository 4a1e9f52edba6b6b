using System.Buffers.Binary;
using System.IO.Compression;
using Ricord.Dicom.Imaging.Rendering;

namespace Ricord.Dicom.Tests.Imaging;

/// <summary>The 16-bit greyscale PNG, read back by an independent minimal reader: IHDR, sBIT, inflated and unfiltered rows.</summary>
public sealed class PngGray16Tests
{
    [Fact]
    public void Values_come_back_from_the_png()
    {
        int width = 37, height = 23;
        var random = new Random(5);
        var values = Enumerable.Range(0, width * height).Select(_ => (ushort)random.Next(1 << 14)).ToArray();
        var png = PngEncoder.EncodeGray16(width, height, values, 14);

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var chunks = new Dictionary<string, byte[]>();
        var idat = new MemoryStream();
        for (int at = 8; at < png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            string type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length).ToArray();
            chunks[type] = data;
            if (type == "IDAT")
            {
                idat.Write(data);
            }

            at += 12 + length;
        }

        Assert.Equal((width, height, 16, 0), (BinaryPrimitives.ReadInt32BigEndian(chunks["IHDR"]), BinaryPrimitives.ReadInt32BigEndian(chunks["IHDR"].AsSpan(4)), (int)chunks["IHDR"][8], (int)chunks["IHDR"][9]));
        Assert.Equal(new byte[] { 14 }, chunks["sBIT"]);
        Assert.True(chunks.ContainsKey("IEND"));

        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        var bytes = raw.ToArray();
        int stride = width * 2;
        Assert.Equal(height * (stride + 1), bytes.Length);
        var previous = new byte[stride];
        for (int y = 0; y < height; y++)
        {
            var row = bytes.AsSpan((y * (stride + 1)) + 1, stride).ToArray();
            byte filter = bytes[y * (stride + 1)];
            Assert.True(filter is 0 or 2, $"filter {filter}");
            for (int i = 0; i < stride && filter == 2; i++)
            {
                row[i] = (byte)(row[i] + previous[i]);
            }

            for (int x = 0; x < width; x++)
            {
                Assert.Equal(values[(y * width) + x], BinaryPrimitives.ReadUInt16BigEndian(row.AsSpan(2 * x)));
            }

            previous = row;
        }
    }
}
