using System.Buffers.Binary;

namespace Ricord.Dicom.Imaging.Rendering;

/// <summary>
/// Turns the bytes of one frame into integer samples (PS3.5 8.1.1, PS3.3 C.7.6.3): decodes compressed frames with
/// <see cref="PixelCodecs"/>, keeps only the Bits Stored bits that end at High Bit (whatever an application left above
/// them), sign-extends two's complement values, and reorders colour-by-plane data to colour-by-pixel.
/// </summary>
public static class PixelReader
{
    private static readonly DicomTag PixelDataTag = new(0x7FE0, 0x0010);

    /// <summary>Reads frame <paramref name="frame"/> (0-based) of <paramref name="dataset"/>.</summary>
    public static FrameSamples ReadFrame(DicomDataset dataset, int frame, DicomTransferSyntax transferSyntax)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(transferSyntax);
        var info = PixelDataInfo.FromDataset(dataset);
        bool compressed = transferSyntax.IsEncapsulated && transferSyntax != DicomTransferSyntax.EncapsulatedUncompressedExplicitVRLittleEndian;
        if (!compressed && info.PhotometricInterpretation == "YBR_FULL_422")
        {
            return ReadNative422(dataset, frame, info);
        }

        var bytes = DicomPixelData.GetFrame(dataset, frame, transferSyntax);
        if (compressed)
        {
            // Codecs hand back colour-by-pixel frames whatever Planar Configuration says (IPixelCodec).
            byte[] decoded = PixelCodecs.Get(transferSyntax).Decode(bytes.Span, info);
            return new FrameSamples(info, ReadSamples(decoded, info with { PlanarConfiguration = 0 }), info.SamplesPerPixel);
        }

        return new FrameSamples(info, ReadSamples(bytes.Span, info), info.SamplesPerPixel);
    }

    /// <summary>Samples of one native frame, interleaved; <paramref name="info"/>'s Planar Configuration says how the bytes are laid out.</summary>
    public static int[] ReadSamples(ReadOnlySpan<byte> frame, PixelDataInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        int pixels = info.Rows * info.Columns, spp = info.SamplesPerPixel;
        int count = pixels * spp;
        if (info.FrameSize > frame.Length)
        {
            throw new PixelDataException($"The frame holds {frame.Length} bytes, {info.FrameSize} are needed for {info.Rows}x{info.Columns}x{spp} at {info.BitsAllocated} bits");
        }

        var result = new int[count];
        int shift = info.HighBit - info.BitsStored + 1;
        for (int n = 0; n < count; n++)
        {
            // Source index: colour-by-plane stores all of sample 0, then sample 1, …
            int src = info.PlanarConfiguration == 1 && spp > 1 ? ((n % spp) * pixels) + (n / spp) : n;
            uint raw = info.BitsAllocated switch
            {
                1 => (uint)(frame[src >> 3] >> (src & 7)) & 1,
                8 => frame[src],
                16 => BinaryPrimitives.ReadUInt16LittleEndian(frame[(src * 2)..]),
                32 => BinaryPrimitives.ReadUInt32LittleEndian(frame[(src * 4)..]),
                _ => throw new PixelDataException($"Bits Allocated {info.BitsAllocated} is not supported for rendering"),
            };
            result[n] = Stored(raw, shift, info.BitsStored, info.IsSigned);
        }

        return result;
    }

    /// <summary>The Bits Stored bits ending at High Bit of <paramref name="raw"/>, sign-extended when <paramref name="signed"/>.</summary>
    public static int Stored(uint raw, int shift, int bitsStored, bool signed)
    {
        uint v = raw >> shift;
        if (bitsStored < 32)
        {
            v &= (1u << bitsStored) - 1;
            if (signed && (v & (1u << (bitsStored - 1))) != 0)
            {
                v |= ~((1u << bitsStored) - 1);
            }
        }

        return unchecked((int)v);
    }

    // PS3.3 C.7.6.3.1.2: YBR_FULL_422 native data is Y1 Y2 Cb Cr for each pair of pixels along a row.
    private static FrameSamples ReadNative422(DicomDataset dataset, int frame, PixelDataInfo info)
    {
        if (info.Columns % 2 != 0 || info.BitsAllocated != 8)
        {
            throw new PixelDataException($"YBR_FULL_422 needs an even number of columns and 8-bit samples ({info.Columns} columns, {info.BitsAllocated} bits)");
        }

        long frameSize = (long)info.Rows * info.Columns * 2;
        var all = dataset[PixelDataTag]?.Buffer.Memory ?? throw new PixelDataException("Pixel Data is missing", PixelDataTag);
        if (frameSize * (frame + 1) > all.Length || frame < 0 || frame >= info.NumberOfFrames)
        {
            throw new PixelDataException($"Frame {frame} of YBR_FULL_422 data ({frameSize} bytes each) is not in the {all.Length} bytes of Pixel Data", PixelDataTag);
        }

        var src = all.Span.Slice((int)(frameSize * frame), (int)frameSize);
        var result = new int[info.Rows * info.Columns * 3];
        for (int pair = 0; pair < info.Rows * info.Columns / 2; pair++)
        {
            int cb = src[(pair * 4) + 2], cr = src[(pair * 4) + 3];
            for (int k = 0; k < 2; k++)
            {
                int o = ((pair * 2) + k) * 3;
                result[o] = src[(pair * 4) + k];
                result[o + 1] = cb;
                result[o + 2] = cr;
            }
        }

        return new FrameSamples(info with { SamplesPerPixel = 3, PlanarConfiguration = 0 }, result, 3);
    }
}
