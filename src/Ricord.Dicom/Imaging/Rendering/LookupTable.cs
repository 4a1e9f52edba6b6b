using System.Buffers.Binary;

namespace Ricord.Dicom.Imaging.Rendering;

/// <summary>
/// A DICOM lookup table (PS3.3 C.11.1.1, C.11.2.1, C.7.6.3.1.5): a descriptor (entries, first input value mapped,
/// bits per entry) and its data. Inputs below the first mapped value take the first entry, inputs past the end the last.
/// </summary>
public sealed class LookupTable
{
    private readonly int[] _data;

    public LookupTable(int firstMapped, int bitsPerEntry, int[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length == 0)
        {
            throw new PixelDataException("A lookup table has no entries");
        }

        FirstMapped = firstMapped;
        BitsPerEntry = bitsPerEntry;
        _data = data;
    }

    public int FirstMapped { get; }

    public int BitsPerEntry { get; }

    public int Count => _data.Length;

    /// <summary>The largest value an entry can hold, 2^bits - 1.</summary>
    public int MaxOutput => (1 << BitsPerEntry) - 1;

    public IReadOnlyList<int> Entries => _data;

    public int this[double input]
    {
        get
        {
            double i = Math.Floor(input) - FirstMapped;
            return i <= 0 ? _data[0] : i >= _data.Length ? _data[^1] : _data[(int)i];
        }
    }

    /// <summary>
    /// Reads a LUT from a descriptor (3 values, US or SS) and LUT data (US/OW words). The first descriptor value 0 means
    /// 65536 entries; the second is signed when <paramref name="signedInput"/> (PS3.3 C.11.1.1.1).
    /// </summary>
    public static LookupTable FromElements(DicomElement descriptor, DicomElement data, bool signedInput)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(data);
        var d = descriptor.Bytes;
        if (d.Length < 6)
        {
            throw new PixelDataException("LUT Descriptor needs three values", descriptor.Tag);
        }

        int entries = BinaryPrimitives.ReadUInt16LittleEndian(d);
        entries = entries == 0 ? 65536 : entries;
        ushort first = BinaryPrimitives.ReadUInt16LittleEndian(d[2..]);
        int firstMapped = signedInput ? (short)first : first;
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(d[4..]);
        if (bits is < 1 or > 16)
        {
            throw new PixelDataException($"LUT Descriptor gives {bits} bits per entry; 1..16 expected", descriptor.Tag);
        }

        return new LookupTable(firstMapped, bits, Words(data.Bytes, entries, bits, data.Tag));
    }

    /// <summary>LUT data as entries: one 16-bit word each, or for 8-bit tables stored as bytes, one byte each.</summary>
    internal static int[] Words(ReadOnlySpan<byte> bytes, int entries, int bits, DicomTag tag)
    {
        if (bytes.Length >= entries * 2)
        {
            var words = new int[entries];
            for (int i = 0; i < entries; i++)
            {
                words[i] = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i * 2)..]);
            }

            return words;
        }

        if (bits <= 8 && bytes.Length >= entries)
        {
            // Some 8-bit tables pack two entries per word (OW with the low byte first).
            var packed = new int[entries];
            for (int i = 0; i < entries; i++)
            {
                packed[i] = bytes[i];
            }

            return packed;
        }

        throw new PixelDataException($"LUT Data holds {bytes.Length} bytes, too few for {entries} entries", tag);
    }
}
