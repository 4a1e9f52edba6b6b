using System.Buffers.Binary;

namespace Ricord.Dicom.Imaging.Rendering;

/// <summary>
/// Expands Segmented Palette Color Lookup Table Data (PS3.3 C.7.9.2): discrete, linear and indirect segments made of
/// 16-bit words, or of bytes when the descriptor gives 8 bits per entry.
/// </summary>
internal static class SegmentedPalette
{
    public static int[] Expand(ReadOnlySpan<byte> bytes, int entries, int bitsPerEntry)
    {
        bool eight = bitsPerEntry == 8;
        var units = new int[eight ? bytes.Length : bytes.Length / 2];
        for (int i = 0; i < units.Length; i++)
        {
            units[i] = eight ? bytes[i] : BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i * 2)..]);
        }

        var lut = new List<int>(entries);
        Expand(units, 0, int.MaxValue, lut, eight);
        return [.. lut];
    }

    private static void Expand(int[] w, int offset, int maxSegments, List<int> lut, bool eight)
    {
        for (int segments = 0; segments < maxSegments && offset + 1 < w.Length; segments++)
        {
            int opcode = w[offset], length = w[offset + 1];
            offset += 2;
            switch (opcode)
            {
                case 0: // C.7.9.2.1 discrete
                    for (int i = 0; i < length && offset < w.Length; i++)
                    {
                        lut.Add(w[offset++]);
                    }

                    break;
                case 1: // C.7.9.2.2 linear: from the previous entry to the end value, over length entries
                    if (lut.Count == 0 || offset >= w.Length)
                    {
                        throw new PixelDataException("A segmented palette starts with a linear segment");
                    }

                    double y0 = lut[^1], y1 = w[offset++];
                    for (int i = 1; i <= length; i++)
                    {
                        lut.Add((int)Math.Round(y0 + ((y1 - y0) * i / length), MidpointRounding.ToEven));
                    }

                    break;
                case 2: // C.7.9.2.3 indirect: replay length segments found at a 32-bit offset (little endian) in units
                    int size = eight ? 4 : 2;
                    if (lut.Count == 0 || offset + size > w.Length)
                    {
                        throw new PixelDataException("A segmented palette starts with an indirect segment");
                    }

                    int target = eight
                        ? w[offset] | (w[offset + 1] << 8) | (w[offset + 2] << 16) | (w[offset + 3] << 24)
                        : w[offset] | (w[offset + 1] << 16);
                    offset += size;
                    if (target < 0 || target >= offset - size - 2)
                    {
                        throw new PixelDataException($"A segmented palette's indirect segment does not point back (unit {target})");
                    }

                    Expand(w, target, length, lut, eight);
                    break;
                default:
                    throw new PixelDataException($"Unknown segmented palette opcode {opcode} at word {offset - 2}");
            }
        }
    }
}
