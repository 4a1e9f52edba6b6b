using System.Buffers.Binary;

namespace Ricord.Dicom.Imaging.Rendering;

/// <summary>Expands Segmented Palette Color Lookup Table Data (PS3.3 C.7.9.2): discrete, linear and indirect segments of 16-bit words.</summary>
internal static class SegmentedPalette
{
    public static int[] Expand(ReadOnlySpan<byte> bytes, int entries)
    {
        var words = new int[bytes.Length / 2];
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i * 2)..]);
        }

        var lut = new List<int>(entries);
        Expand(words, 0, int.MaxValue, lut);
        return [.. lut];
    }

    private static void Expand(int[] w, int offset, int maxSegments, List<int> lut)
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
                case 2: // C.7.9.2.3 indirect: replay length segments found at a word offset (low word first)
                    if (lut.Count == 0 || offset + 1 >= w.Length)
                    {
                        throw new PixelDataException("A segmented palette starts with an indirect segment");
                    }

                    int target = w[offset] | (w[offset + 1] << 16);
                    offset += 2;
                    if (target >= offset - 4)
                    {
                        throw new PixelDataException($"A segmented palette's indirect segment points forward (word {target})");
                    }

                    Expand(w, target, length, lut);
                    break;
                default:
                    throw new PixelDataException($"Unknown segmented palette opcode {opcode} at word {offset - 2}");
            }
        }
    }
}
