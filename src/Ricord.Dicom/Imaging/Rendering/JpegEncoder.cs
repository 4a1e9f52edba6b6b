namespace Ricord.Dicom.Imaging.Rendering;

/// <summary>
/// A baseline JPEG (ITU T.81 process 1, JFIF) writer for display images: greyscale, or YCbCr without subsampling,
/// Annex K quantisation tables scaled by quality as IJG does, and Huffman tables optimised for the image (K.2).
/// </summary>
public static partial class JpegEncoder
{
    /// <summary>Encodes an 8-bit image; <paramref name="quality"/> is 1 (smallest) .. 100 (best).</summary>
    public static byte[] Encode(RenderedImage image, int quality = 90)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        if (image.Width > 65535 || image.Height > 65535)
        {
            throw new ArgumentException("JPEG images are at most 65535 pixels wide and high", nameof(image));
        }

        int components = image.Channels;
        var planes = ToPlanes(image);
        var quant = new[] { Scale(LuminanceQuant, quality), Scale(ChrominanceQuant, quality) };
        int blocksX = (image.Width + 7) / 8, blocksY = (image.Height + 7) / 8;

        // Pass 1: quantised coefficients of every block, MCU order (one block per component per MCU).
        var blocks = new short[blocksX * blocksY * components][];
        Span<double> block = stackalloc double[64];
        for (int by = 0, n = 0; by < blocksY; by++)
        {
            for (int bx = 0; bx < blocksX; bx++)
            {
                for (int c = 0; c < components; c++, n++)
                {
                    LoadBlock(planes[c], image.Width, image.Height, bx, by, block);
                    blocks[n] = ForwardDctQuantize(block, quant[c == 0 ? 0 : 1]);
                }
            }
        }

        // Pass 2: Huffman tables from the symbol counts, then the entropy-coded scan.
        var tables = BuildTables(blocks, components);
        var writer = new JpegWriter(blocks.Length * 16);
        WriteHeaders(writer, image, components, quant, tables);
        WriteScan(writer, blocks, components, tables);
        writer.FlushBits();
        writer.WriteMarker(0xD9);
        return writer.ToArray();
    }

    // JFIF YCbCr (full range) for colour; the grey image is its own Y.
    private static byte[][] ToPlanes(RenderedImage image)
    {
        int pixels = image.Width * image.Height;
        if (image.Channels == 1)
        {
            return [image.Pixels];
        }

        var planes = new[] { new byte[pixels], new byte[pixels], new byte[pixels] };
        var p = image.Pixels;
        for (int i = 0; i < pixels; i++)
        {
            double r = p[i * 3], g = p[(i * 3) + 1], b = p[(i * 3) + 2];
            planes[0][i] = Byte((0.299 * r) + (0.587 * g) + (0.114 * b));
            planes[1][i] = Byte((-0.168736 * r) - (0.331264 * g) + (0.5 * b) + 128);
            planes[2][i] = Byte((0.5 * r) - (0.418688 * g) - (0.081312 * b) + 128);
        }

        return planes;
    }

    private static byte Byte(double v) => (byte)Math.Clamp((int)Math.Round(v), 0, 255);

    // Edge blocks repeat the last row and column (A.2.4 leaves the padding to the encoder).
    private static void LoadBlock(byte[] plane, int width, int height, int bx, int by, Span<double> block)
    {
        for (int y = 0; y < 8; y++)
        {
            int sy = Math.Min((by * 8) + y, height - 1);
            for (int x = 0; x < 8; x++)
            {
                int sx = Math.Min((bx * 8) + x, width - 1);
                block[(y * 8) + x] = plane[(sy * width) + sx] - 128.0;
            }
        }
    }

    // A.3.3 FDCT, separable, then quantisation (rounded division); the result is in zig-zag order.
    private static short[] ForwardDctQuantize(Span<double> block, int[] quantNatural)
    {
        Span<double> temp = stackalloc double[64];
        for (int y = 0; y < 8; y++)
        {
            for (int u = 0; u < 8; u++)
            {
                double s = 0;
                for (int x = 0; x < 8; x++)
                {
                    s += block[(y * 8) + x] * Cosines[(x * 8) + u];
                }

                temp[(y * 8) + u] = s * (u == 0 ? Math.Sqrt(0.5) : 1) / 2;
            }
        }

        var result = new short[64];
        for (int u = 0; u < 8; u++)
        {
            for (int v = 0; v < 8; v++)
            {
                double s = 0;
                for (int y = 0; y < 8; y++)
                {
                    s += temp[(y * 8) + u] * Cosines[(y * 8) + v];
                }

                s *= (v == 0 ? Math.Sqrt(0.5) : 1) / 2;
                int natural = (v * 8) + u;
                result[ZigZagOf[natural]] = (short)Math.Round(s / quantNatural[natural]);
            }
        }

        return result;
    }

    /// <summary>cos((2x + 1) u π / 16) at [x * 8 + u].</summary>
    private static readonly double[] Cosines = [.. Enumerable.Range(0, 64).Select(i => Math.Cos(((2 * (i / 8)) + 1) * (i % 8) * Math.PI / 16))];
}
