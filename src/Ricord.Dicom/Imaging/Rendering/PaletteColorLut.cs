using System.Buffers.Binary;

namespace Ricord.Dicom.Imaging.Rendering;

/// <summary>
/// The Palette Color Lookup Tables of a PALETTE COLOR image (PS3.3 C.7.6.3.1.5-6), plain or segmented (C.7.9.2),
/// mapping a stored index to 8-bit red, green and blue.
/// </summary>
public sealed class PaletteColorLut
{
    private readonly byte[] _rgb;

    private PaletteColorLut(int firstMapped, byte[] rgb)
    {
        FirstMapped = firstMapped;
        _rgb = rgb;
    }

    public int FirstMapped { get; }

    public int Count => _rgb.Length / 3;

    /// <summary>Reads (0028,1101-1103) descriptors and (0028,1201-1203) or segmented (0028,1221-1223) data.</summary>
    public static PaletteColorLut FromDataset(DicomDataset dataset, bool signedInput = false)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        int first = 0, count = 0;
        var channels = new int[3][];
        int[] bits = new int[3];
        for (int c = 0; c < 3; c++)
        {
            var descTag = new DicomTag(0x0028, (ushort)(0x1101 + c));
            var desc = (dataset[descTag] ?? throw new PixelDataException("Palette Color Lookup Table Descriptor is missing", descTag)).Bytes;
            if (desc.Length < 6)
            {
                throw new PixelDataException("Palette Color Lookup Table Descriptor needs three values", descTag);
            }

            int entries = BinaryPrimitives.ReadUInt16LittleEndian(desc);
            entries = entries == 0 ? 65536 : entries;
            ushort f = BinaryPrimitives.ReadUInt16LittleEndian(desc[2..]);
            first = signedInput ? (short)f : f;
            bits[c] = BinaryPrimitives.ReadUInt16LittleEndian(desc[4..]);
            var dataTag = new DicomTag(0x0028, (ushort)(0x1201 + c));
            var segTag = new DicomTag(0x0028, (ushort)(0x1221 + c));
            channels[c] = dataset[segTag] is { } seg
                ? SegmentedPalette.Expand(seg.Bytes, entries, bits[c])
                : LookupTable.Words((dataset[dataTag] ?? throw new PixelDataException("Palette Color Lookup Table Data is missing", dataTag)).Bytes, entries, bits[c], dataTag);
            count = Math.Max(count, channels[c].Length);
        }

        var rgb = new byte[count * 3];
        for (int c = 0; c < 3; c++)
        {
            // 16-bit entries keep their high byte; some writers put 8-bit values in 16-bit words, detected by a small maximum.
            bool sixteen = bits[c] == 16 && channels[c].Max() > 255;
            for (int i = 0; i < count; i++)
            {
                int v = channels[c][Math.Min(i, channels[c].Length - 1)];
                rgb[(i * 3) + c] = (byte)(sixteen ? v >> 8 : Math.Min(v, 255));
            }
        }

        return new PaletteColorLut(first, rgb);
    }

    /// <summary>Writes the colour of <paramref name="index"/> into <paramref name="destination"/> (3 bytes).</summary>
    public void Map(int index, Span<byte> destination)
    {
        int i = Math.Clamp(index - FirstMapped, 0, Count - 1);
        _rgb.AsSpan(i * 3, 3).CopyTo(destination);
    }
}
