using System.Buffers.Binary;

namespace Ricord.Dicom.Imaging;

/// <summary>
/// RLE Lossless (PS3.5 Annex G): one PackBits byte segment per byte of each sample, most significant byte
/// first, behind a 64-byte header of segment offsets.
/// </summary>
public sealed partial class RleCodec : IPixelCodec
{
    private const int HeaderSize = 64;
    private const int MaxSegments = 15;

    public DicomTransferSyntax TransferSyntax => DicomTransferSyntax.RleLossless;

    public bool CanEncode => true;

    public byte[] Decode(ReadOnlySpan<byte> frame, PixelDataInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.BitsAllocated is not (8 or 16 or 32 or 64))
        {
            throw new PixelDataException($"RLE decoding supports Bits Allocated 8, 16, 32 or 64, not {info.BitsAllocated}");
        }

        int bytesPerSample = info.BytesPerSample;
        int segmentCount = info.SamplesPerPixel * bytesPerSample;
        if (frame.Length < HeaderSize)
        {
            throw new PixelDataException($"RLE frame of {frame.Length} bytes is shorter than its 64-byte header");
        }

        int declared = BinaryPrimitives.ReadInt32LittleEndian(frame);
        if (declared != segmentCount || declared > MaxSegments)
        {
            throw new PixelDataException($"RLE header declares {declared} segments; {info.SamplesPerPixel} sample(s) of {info.BitsAllocated} bits need {segmentCount}");
        }

        int pixels = info.Rows * info.Columns;
        var output = new byte[(long)pixels * segmentCount];
        var segment = segmentCount == 1 ? output : new byte[pixels];
        for (int s = 0; s < segmentCount; s++)
        {
            int start = BinaryPrimitives.ReadInt32LittleEndian(frame[(4 + (4 * s))..]);
            int end = s + 1 < segmentCount ? BinaryPrimitives.ReadInt32LittleEndian(frame[(8 + (4 * s))..]) : frame.Length;
            if (start < HeaderSize || end < start || end > frame.Length)
            {
                throw new PixelDataException($"RLE segment {s + 1} has offsets {start}..{end} outside the {frame.Length}-byte frame");
            }

            DecodeSegment(frame[start..end], segment, s);

            // Segment s holds byte (bytesPerSample - 1 - s % bytesPerSample) of sample s / bytesPerSample (G.2).
            if (segmentCount > 1)
            {
                int offset = ((s / bytesPerSample) * bytesPerSample) + (bytesPerSample - 1 - (s % bytesPerSample));
                Scatter(segment, output, offset, segmentCount);
            }
        }

        return output;
    }

    private static void Scatter(ReadOnlySpan<byte> segment, Span<byte> output, int offset, int stride)
    {
        for (int i = 0, o = offset; i < segment.Length; i++, o += stride)
        {
            output[o] = segment[i];
        }
    }

    /// <summary>PackBits (G.3.2): n in 0..127 copies n+1 literal bytes, -127..-1 repeats the next byte 1-n times, -128 is a no-op.</summary>
    private static void DecodeSegment(ReadOnlySpan<byte> src, Span<byte> dst, int index)
    {
        int i = 0, o = 0;
        while (o < dst.Length && i < src.Length)
        {
            int n = (sbyte)src[i++];
            if (n >= 0)
            {
                int count = n + 1;
                if (i + count > src.Length || o + count > dst.Length)
                {
                    throw Overrun(index, o, dst.Length);
                }

                src.Slice(i, count).CopyTo(dst[o..]);
                i += count;
                o += count;
            }
            else if (n != -128)
            {
                int count = 1 - n;
                if (i >= src.Length || o + count > dst.Length)
                {
                    throw Overrun(index, o, dst.Length);
                }

                dst.Slice(o, count).Fill(src[i++]);
                o += count;
            }
        }

        if (o != dst.Length)
        {
            throw new PixelDataException($"RLE segment {index + 1} decodes to {o} bytes; the image needs {dst.Length}");
        }
    }

    private static PixelDataException Overrun(int index, int at, int size) =>
        new($"RLE segment {index + 1} runs past its end (at byte {at} of {size}); the data is corrupt");
}
