using System.Buffers.Binary;

namespace Ricord.Dicom.Imaging;

public sealed partial class RleCodec
{
    public byte[] Encode(ReadOnlySpan<byte> frame, PixelDataInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.BitsAllocated is not (8 or 16 or 32 or 64))
        {
            throw new PixelDataException($"RLE encoding supports Bits Allocated 8, 16, 32 or 64, not {info.BitsAllocated}");
        }

        int bytesPerSample = info.BytesPerSample;
        int segmentCount = info.SamplesPerPixel * bytesPerSample;
        if (segmentCount > MaxSegments)
        {
            throw new PixelDataException($"RLE allows at most {MaxSegments} segments; {info.SamplesPerPixel} samples of {info.BitsAllocated} bits need {segmentCount}");
        }

        int pixels = info.Rows * info.Columns;
        if (frame.Length < (long)pixels * segmentCount)
        {
            throw new PixelDataException($"Frame of {frame.Length} bytes is too short for {info.Rows}x{info.Columns}x{segmentCount} bytes");
        }

        bool planar = info.PlanarConfiguration == 1 && info.SamplesPerPixel > 1;
        // Worst case PackBits: one header byte per 128 literals, plus one pad byte per segment.
        int rowBound = info.Columns + ((info.Columns + 127) / 128) + 2;
        var output = new byte[HeaderSize + (segmentCount * ((long)rowBound * info.Rows + 1))];
        var row = new byte[info.Columns];
        int at = HeaderSize;
        BinaryPrimitives.WriteInt32LittleEndian(output, segmentCount);
        for (int s = 0; s < segmentCount; s++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(output.AsSpan(4 + (4 * s)), at);
            int sample = s / bytesPerSample;
            int byteInSample = bytesPerSample - 1 - (s % bytesPerSample);
            for (int y = 0; y < info.Rows; y++)
            {
                for (int x = 0; x < info.Columns; x++)
                {
                    int p = (y * info.Columns) + x;
                    int index = planar
                        ? (((sample * pixels) + p) * bytesPerSample) + byteInSample
                        : (((p * info.SamplesPerPixel) + sample) * bytesPerSample) + byteInSample;
                    row[x] = frame[index];
                }

                // Each row is encoded separately (G.3.1).
                at += EncodeRow(row, output.AsSpan(at));
            }

            if ((at & 1) == 1)
            {
                output[at++] = 0; // segments are even length (G.5)
            }
        }

        return output.AsSpan(0, at).ToArray();
    }

    private static int EncodeRow(ReadOnlySpan<byte> row, Span<byte> dst)
    {
        int o = 0, i = 0;
        while (i < row.Length)
        {
            int run = 1;
            while (i + run < row.Length && run < 128 && row[i + run] == row[i])
            {
                run++;
            }

            if (run >= 2)
            {
                dst[o++] = (byte)(sbyte)(1 - run);
                dst[o++] = row[i];
                i += run;
                continue;
            }

            // Literal: up to the next run of at least three, at most 128 bytes.
            int start = i;
            while (i < row.Length && i - start < 128
                   && !(i + 2 < row.Length && row[i] == row[i + 1] && row[i] == row[i + 2]))
            {
                i++;
            }

            if (i == start)
            {
                continue;
            }

            int count = i - start;
            dst[o++] = (byte)(count - 1);
            row.Slice(start, count).CopyTo(dst[o..]);
            o += count;
        }

        return o;
    }
}
