using System.Buffers.Binary;
using System.Numerics;

namespace Ricord.Dicom.Imaging;

/// <summary>
/// Process 14, selection value 1 encoder (ITU T.81 H.1): one interleaved scan, no point transform, one Huffman
/// table optimised for the image (Annex K.2).
/// </summary>
internal static class JpegLosslessEncoder
{
    public static byte[] Encode(ReadOnlySpan<byte> frame, PixelDataInfo info)
    {
        if (info.BitsAllocated is not (8 or 16))
        {
            throw new PixelDataException($"JPEG lossless encoding supports Bits Allocated 8 or 16, not {info.BitsAllocated}");
        }

        if (info.Rows > 65535 || info.Columns > 65535)
        {
            throw new PixelDataException($"JPEG frames are at most 65535x65535; this one is {info.Columns}x{info.Rows}");
        }

        int precision = Math.Max(2, info.BitsStored);
        int width = info.Columns, height = info.Rows, spp = info.SamplesPerPixel, bps = info.BytesPerSample;
        int pixels = width * height;
        if (frame.Length < (long)pixels * spp * bps)
        {
            throw new PixelDataException($"Frame of {frame.Length} bytes is too short for {width}x{height}x{spp} samples of {info.BitsAllocated} bits");
        }

        int mask = (1 << precision) - 1;
        bool planar = info.PlanarConfiguration == 1 && spp > 1;
        var samples = new int[pixels * spp];
        for (int p = 0; p < pixels; p++)
        {
            for (int c = 0; c < spp; c++)
            {
                int src = planar ? (c * pixels) + p : (p * spp) + c;
                samples[(p * spp) + c] = (bps == 1 ? frame[src] : BinaryPrimitives.ReadUInt16LittleEndian(frame[(src * 2)..])) & mask;
            }
        }

        // Differences (H.1.2.1): first sample from 2^(P-1), first row from the left, first column from above.
        var diffs = new int[samples.Length];
        var histogram = new long[17];
        int stride = width * spp;
        for (int i = 0; i < samples.Length; i++)
        {
            int x = (i / spp) % width;
            int prediction = i < spp ? 1 << (precision - 1) : i < stride ? samples[i - spp] : x == 0 ? samples[i - stride] : samples[i - spp];
            int d = (samples[i] - prediction) & 0xFFFF;
            if (d >= 0x8000)
            {
                d -= 0x10000;
            }

            diffs[i] = d;
            histogram[Category(d)]++;
        }

        var table = JpegHuffmanBuilder.Build(histogram);
        var codes = new int[17];
        var sizes = new int[17];
        for (int k = 0; k < table.Values.Length; k++)
        {
            codes[table.Values[k]] = table.Codes[k];
            sizes[table.Values[k]] = table.Sizes[k];
        }

        var output = new JpegWriter(64 + (samples.Length * 4));
        WriteHeaders(output, table, precision, width, height, spp);
        foreach (int d in diffs)
        {
            int ssss = Category(d);
            output.WriteBits(codes[ssss], sizes[ssss]);
            if (ssss is > 0 and < 16)
            {
                output.WriteBits(d < 0 ? d - 1 : d, ssss);
            }
        }

        output.FlushBits();
        output.WriteMarker(0xD9);
        return output.ToArray();
    }

    private static int Category(int d) => d == 0 ? 0 : d == -32768 ? 16 : 32 - BitOperations.LeadingZeroCount((uint)Math.Abs(d));

    private static void WriteHeaders(JpegWriter output, JpegHuffmanTable table, int precision, int width, int height, int spp)
    {
        output.WriteMarker(0xD8);
        output.WriteMarker(0xC3);
        output.WriteUInt16(8 + (3 * spp));
        output.WriteByte(precision);
        output.WriteUInt16(height);
        output.WriteUInt16(width);
        output.WriteByte(spp);
        for (int c = 0; c < spp; c++)
        {
            output.WriteByte(c + 1);
            output.WriteByte(0x11);
            output.WriteByte(0);
        }

        output.WriteMarker(0xC4);
        output.WriteUInt16(2 + 17 + table.Values.Length);
        output.WriteByte(0x00);
        foreach (byte b in table.Bits)
        {
            output.WriteByte(b);
        }

        foreach (byte v in table.Values)
        {
            output.WriteByte(v);
        }

        output.WriteMarker(0xDA);
        output.WriteUInt16(6 + (2 * spp));
        output.WriteByte(spp);
        for (int c = 0; c < spp; c++)
        {
            output.WriteByte(c + 1);
            output.WriteByte(0x00);
        }

        output.WriteByte(1); // Ss: predictor 1
        output.WriteByte(0); // Se
        output.WriteByte(0); // Ah/Al: no point transform
    }
}
