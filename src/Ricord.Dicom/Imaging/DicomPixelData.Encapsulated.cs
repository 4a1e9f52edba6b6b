using System.Buffers.Binary;

namespace Ricord.Dicom.Imaging;

public static partial class DicomPixelData
{
    private static readonly DicomTag ExtendedOffsetTableTag = new(0x7FE0, 0x0001);
    private static readonly DicomTag ExtendedOffsetTableLengthsTag = new(0x7FE0, 0x0002);

    private static ReadOnlyMemory<byte> GetEncapsulatedFrame(DicomDataset dataset, DicomFragmentSequence sequence, int frame,
        PixelDataInfo info, DicomTransferSyntax transferSyntax)
    {
        var fragments = sequence.Fragments;
        if (fragments.Count == 0)
        {
            throw new PixelDataException("Encapsulated Pixel Data has no fragments", PixelDataTag);
        }

        // PS3.5 A.4: the Extended Offset Table wins over the Basic Offset Table when present.
        if (dataset[ExtendedOffsetTableTag] is { Bytes.Length: > 0 } eot)
        {
            var offsets = eot.Bytes;
            var lengths = dataset[ExtendedOffsetTableLengthsTag]?.Buffer.Memory
                ?? throw new PixelDataException("Extended Offset Table Lengths is missing while the Extended Offset Table is present", ExtendedOffsetTableLengthsTag);
            if (offsets.Length / 8 < info.NumberOfFrames || lengths.Length / 8 < info.NumberOfFrames)
            {
                throw new PixelDataException($"Extended Offset Table has {offsets.Length / 8} entries for {info.NumberOfFrames} frames", ExtendedOffsetTableTag);
            }

            long offset = BinaryPrimitives.ReadInt64LittleEndian(offsets[(frame * 8)..]);
            long length = BinaryPrimitives.ReadInt64LittleEndian(lengths.Span[(frame * 8)..]);
            var bytes = Concatenate(fragments, FragmentAt(fragments, offset, ExtendedOffsetTableTag), int.MaxValue, length);
            return bytes.Length < length
                ? throw new PixelDataException($"Frame {frame} is {length} bytes by the Extended Offset Table Lengths, but only {bytes.Length} follow", ExtendedOffsetTableLengthsTag)
                : bytes[..(int)length];
        }

        var bot = sequence.OffsetTable.Span;
        if (bot.Length >= 4 * info.NumberOfFrames && bot.Length > 0)
        {
            long offset = BinaryPrimitives.ReadUInt32LittleEndian(bot[(frame * 4)..]);
            int start = FragmentAt(fragments, offset, PixelDataTag);
            int end = fragments.Count;
            if (frame + 1 < info.NumberOfFrames)
            {
                end = FragmentAt(fragments, BinaryPrimitives.ReadUInt32LittleEndian(bot[((frame + 1) * 4)..]), PixelDataTag);
            }

            return Concatenate(fragments, start, end, long.MaxValue);
        }

        if (info.NumberOfFrames == 1)
        {
            return Concatenate(fragments, 0, fragments.Count, long.MaxValue);
        }

        if (fragments.Count == info.NumberOfFrames)
        {
            return fragments[frame].Memory;
        }

        return SplitByEndMarker(fragments, frame, info.NumberOfFrames, transferSyntax);
    }

    /// <summary>The index of the fragment whose item tag is at <paramref name="offset"/> bytes from the first fragment's item tag.</summary>
    private static int FragmentAt(List<DicomBuffer> fragments, long offset, DicomTag table)
    {
        long position = 0;
        for (int i = 0; i < fragments.Count; i++)
        {
            if (position == offset)
            {
                return i;
            }

            position += 8 + fragments[i].Length + (fragments[i].Length & 1);
        }

        throw new PixelDataException($"Offset {offset} does not point to the start of a fragment (the fragments span {position} bytes); see", table);
    }

    private static ReadOnlyMemory<byte> Concatenate(List<DicomBuffer> fragments, int start, int end, long wanted)
    {
        end = Math.Min(end, fragments.Count);
        if (end - start == 1 || (start < fragments.Count && fragments[start].Length >= wanted))
        {
            return fragments[start].Memory;
        }

        long total = 0;
        int last = start;
        for (; last < end && total < wanted; last++)
        {
            total += fragments[last].Length;
        }

        var result = new byte[total];
        int at = 0;
        for (int i = start; i < last; i++)
        {
            fragments[i].Span.CopyTo(result.AsSpan(at));
            at += (int)fragments[i].Length;
        }

        return result;
    }

    /// <summary>
    /// Last resort for several frames in more fragments than frames and no offset table: a frame ends with the
    /// fragment whose last bytes are the JPEG / JPEG-LS EOI or JPEG 2000 EOC marker (FFD9), padding aside.
    /// </summary>
    private static ReadOnlyMemory<byte> SplitByEndMarker(List<DicomBuffer> fragments, int frame, int frameCount, DicomTransferSyntax ts)
    {
        var ends = new List<int>();
        for (int i = 0; i < fragments.Count; i++)
        {
            if (EndsWithEoi(fragments[i].Span))
            {
                ends.Add(i + 1);
            }
        }

        if (ends.Count != frameCount || ends[^1] != fragments.Count)
        {
            throw new PixelDataException(
                $"Cannot find frame boundaries: {fragments.Count} fragments for {frameCount} frames, no offset table, and {ends.Count} fragments end with an end-of-image marker ({ts.Name})",
                PixelDataTag);
        }

        int start = frame == 0 ? 0 : ends[frame - 1];
        return Concatenate(fragments, start, ends[frame], long.MaxValue);
    }

    private static bool EndsWithEoi(ReadOnlySpan<byte> f)
    {
        int n = f.Length;
        while (n > 0 && f[n - 1] == 0 && n > f.Length - 2)
        {
            n--;
        }

        return n >= 2 && f[n - 2] == 0xFF && f[n - 1] == 0xD9;
    }
}
