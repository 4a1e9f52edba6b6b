namespace Ricord.Dicom.Imaging;

/// <summary>
/// Access to the frames of (7FE0,0010) Pixel Data: slices of native data, or the compressed bytes of one
/// frame of encapsulated data (PS3.5 A.4).
/// </summary>
public static partial class DicomPixelData
{
    private static readonly DicomTag PixelDataTag = new(0x7FE0, 0x0010);

    /// <summary>
    /// The bytes of frame <paramref name="frame"/> (0-based): for native data the frame's pixel bytes
    /// (little-endian; for Bits Allocated 1 re-aligned to start at bit 0 of the first byte), for encapsulated
    /// data the compressed bit stream of that frame.
    /// </summary>
    public static ReadOnlyMemory<byte> GetFrame(DicomDataset dataset, int frame, DicomTransferSyntax transferSyntax)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(transferSyntax);
        var info = PixelDataInfo.FromDataset(dataset);
        if (frame < 0 || frame >= info.NumberOfFrames)
        {
            throw new PixelDataException($"Frame {frame} does not exist: the image has {info.NumberOfFrames} frame(s), numbered from 0");
        }

        var element = dataset[PixelDataTag] ?? throw new PixelDataException("Pixel Data is missing", PixelDataTag);
        return element switch
        {
            DicomFragmentSequence fragments => GetEncapsulatedFrame(dataset, fragments, frame, info, transferSyntax),
            _ when transferSyntax.IsEncapsulated && transferSyntax != DicomTransferSyntax.EncapsulatedUncompressedExplicitVRLittleEndian
                => throw new PixelDataException($"Pixel Data is native but the transfer syntax {transferSyntax.Name} needs encapsulated fragments", PixelDataTag),
            _ => GetNativeFrame(element.Buffer.Memory, frame, info),
        };
    }

    /// <summary>The frame count of the data set (Number of Frames, 1 when absent).</summary>
    public static int FrameCount(DicomDataset dataset) => PixelDataInfo.FromDataset(dataset).NumberOfFrames;

    private static ReadOnlyMemory<byte> GetNativeFrame(ReadOnlyMemory<byte> all, int frame, PixelDataInfo info)
    {
        long startBit = info.FrameBits * frame;
        long size = info.FrameSize;
        if ((startBit & 7) == 0)
        {
            long start = startBit / 8;
            if (start + size > all.Length)
            {
                throw new PixelDataException(
                    $"Pixel Data holds {all.Length} bytes, too few for frame {frame} ({size} bytes at byte {start}) of {info.Rows}x{info.Columns}x{info.SamplesPerPixel} at {info.BitsAllocated} bits",
                    PixelDataTag);
            }

            var slice = all.Slice((int)start, (int)size);
            if ((info.FrameBits & 7) == 0)
            {
                return slice;
            }

            // The last byte also holds the next frame's first bits: copy and clear them.
            var copy = slice.ToArray();
            copy[^1] &= (byte)((1 << (int)(info.FrameBits & 7)) - 1);
            return copy;
        }

        // Bits Allocated 1 packs frames with no padding between them (PS3.5 8.1.1), so a frame can start mid-byte.
        if ((startBit + info.FrameBits + 7) / 8 > all.Length)
        {
            throw new PixelDataException($"Pixel Data holds {all.Length} bytes, too few for frame {frame} of 1-bit data", PixelDataTag);
        }

        var src = all.Span;
        var result = new byte[size];
        int shift = (int)(startBit & 7);
        long first = startBit / 8;
        for (long i = 0; i < size; i++)
        {
            int lo = src[(int)(first + i)] >> shift;
            int hi = first + i + 1 < src.Length ? src[(int)(first + i + 1)] << (8 - shift) : 0;
            result[i] = (byte)(lo | hi);
        }

        int tailBits = (int)(info.FrameBits & 7);
        if (tailBits != 0)
        {
            result[^1] &= (byte)((1 << tailBits) - 1);
        }

        return result;
    }
}
