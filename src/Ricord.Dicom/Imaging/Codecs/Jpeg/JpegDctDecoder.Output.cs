using System.Buffers.Binary;

namespace Ricord.Dicom.Imaging;

internal ref partial struct JpegDctDecoder
{
    /// <summary>Upsamples each component to full size, converts YCbCr to RGB when asked, and interleaves native samples.</summary>
    public static byte[] ToPixels(Decoded decoded, PixelDataInfo info, bool toRgb)
    {
        var comps = decoded.Components;
        if (decoded.Width != info.Columns || decoded.Height != info.Rows || comps.Length != info.SamplesPerPixel)
        {
            throw new PixelDataException(
                $"JPEG frame is {decoded.Width}x{decoded.Height} with {comps.Length} component(s); the data set says {info.Columns}x{info.Rows} with {info.SamplesPerPixel}");
        }

        if (info.BitsAllocated is not (8 or 16) || (decoded.Precision == 12 && info.BitsAllocated == 8))
        {
            throw new PixelDataException($"A {decoded.Precision}-bit JPEG frame cannot be stored with Bits Allocated {info.BitsAllocated}");
        }

        int width = decoded.Width, height = decoded.Height, pixels = width * height, spp = comps.Length;
        var planes = new int[spp][];
        for (int c = 0; c < spp; c++)
        {
            planes[c] = Upsample(comps[c], decoded, width, height);
        }

        if (toRgb && spp == 3)
        {
            ConvertYCbCr(planes, decoded.Precision);
        }

        var output = new byte[(long)pixels * spp * info.BytesPerSample];
        for (int c = 0; c < spp; c++)
        {
            var plane = planes[c];
            if (info.BitsAllocated == 8)
            {
                for (int p = 0, o = c; p < pixels; p++, o += spp)
                {
                    output[o] = (byte)plane[p];
                }
            }
            else
            {
                for (int p = 0, o = c * 2; p < pixels; p++, o += spp * 2)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(output.AsSpan(o), (ushort)plane[p]);
                }
            }
        }

        return output;
    }

    /// <summary>
    /// libjpeg's default ("fancy") upsampling (jdsample.c): 2:1 horizontal and 2:1 both ways use the triangle filter,
    /// 3/4 nearest plus 1/4 next nearest, with edge samples and rows repeated; other integral ratios replicate.
    /// </summary>
    private static int[] Upsample(Component c, Decoded d, int width, int height)
    {
        var result = new int[width * height];
        if (d.MaxH % c.H != 0 || d.MaxV % c.V != 0)
        {
            throw new PixelDataException($"JPEG component {c.Id} has sampling factors {c.H}x{c.V} that do not divide the largest ({d.MaxH}x{d.MaxV})");
        }

        int hx = d.MaxH / c.H, vy = d.MaxV / c.V, w = c.Width, s = c.Stride;
        var src = c.Plane;
        bool fancy = hx == 2 && vy is 1 or 2 && w > 2;
        if (hx == 1 && vy == 1)
        {
            for (int y = 0; y < height; y++)
            {
                src.AsSpan(y * s, width).CopyTo(result.AsSpan(y * width));
            }
        }
        else if (fancy && vy == 1)
        {
            var row = new int[2 * w];
            for (int y = 0; y < height; y++)
            {
                H2V1(src.AsSpan(y * s, w), row);
                row.AsSpan(0, width).CopyTo(result.AsSpan(y * width));
            }
        }
        else if (fancy)
        {
            var sums = new int[w];
            var row = new int[2 * w];
            for (int y = 0; y < height; y++)
            {
                int inRow = y / 2, near = Math.Clamp((y & 1) == 0 ? inRow - 1 : inRow + 1, 0, c.Height - 1);
                for (int x = 0; x < w; x++)
                {
                    sums[x] = (src[(inRow * s) + x] * 3) + src[(near * s) + x];
                }

                H2V2Row(sums, row);
                row.AsSpan(0, width).CopyTo(result.AsSpan(y * width));
            }
        }
        else
        {
            for (int y = 0; y < height; y++)
            {
                int from = y / vy * s;
                for (int x = 0; x < width; x++)
                {
                    result[(y * width) + x] = src[from + (x / hx)];
                }
            }
        }

        return result;
    }

    private static void H2V1(ReadOnlySpan<int> input, Span<int> output)
    {
        int w = input.Length;
        output[0] = input[0];
        output[1] = ((input[0] * 3) + input[1] + 2) >> 2;
        for (int i = 1; i < w - 1; i++)
        {
            int v = input[i] * 3;
            output[2 * i] = (v + input[i - 1] + 1) >> 2;
            output[(2 * i) + 1] = (v + input[i + 1] + 2) >> 2;
        }

        output[(2 * w) - 2] = ((input[w - 1] * 3) + input[w - 2] + 1) >> 2;
        output[(2 * w) - 1] = input[w - 1];
    }

    private static void H2V2Row(ReadOnlySpan<int> sums, Span<int> output)
    {
        int w = sums.Length;
        output[0] = ((sums[0] * 4) + 8) >> 4;
        output[1] = ((sums[0] * 3) + sums[1] + 7) >> 4;
        for (int i = 1; i < w - 1; i++)
        {
            output[2 * i] = ((sums[i] * 3) + sums[i - 1] + 8) >> 4;
            output[(2 * i) + 1] = ((sums[i] * 3) + sums[i + 1] + 7) >> 4;
        }

        output[(2 * w) - 2] = ((sums[w - 1] * 3) + sums[w - 2] + 8) >> 4;
        output[(2 * w) - 1] = ((sums[w - 1] * 4) + 7) >> 4;
    }

    /// <summary>jdcolor.c's YCbCr → RGB (JFIF / CCIR 601 full range) with 16-bit fixed-point tables.</summary>
    private static void ConvertYCbCr(int[][] planes, int precision)
    {
        const int ScaleBits = 16;
        const long Half = 1L << (ScaleBits - 1);
        int max = (1 << precision) - 1, center = 1 << (precision - 1);
        var (yp, cbp, crp) = (planes[0], planes[1], planes[2]);
        for (int p = 0; p < yp.Length; p++)
        {
            int y = yp[p];
            long cb = cbp[p] - center, cr = crp[p] - center;
            int r = y + (int)(((91881 * cr) + Half) >> ScaleBits);
            int g = y + (int)(((-22554 * cb) + Half + (-46802 * cr)) >> ScaleBits);
            int b = y + (int)(((116130 * cb) + Half) >> ScaleBits);
            yp[p] = Math.Clamp(r, 0, max);
            cbp[p] = Math.Clamp(g, 0, max);
            crp[p] = Math.Clamp(b, 0, max);
        }
    }
}
