namespace Ricord.Annotation.Mdai;

/// <summary>Run-length masks as <see cref="Reads.ShapeKind.Mask"/> stores them: start, length, … with start = row · columns + column, ascending.</summary>
public static class MaskRuns
{
    public static int[] Encode(ReadOnlySpan<byte> mask)
    {
        var runs = new List<int>();
        for (int i = 0; i < mask.Length;)
        {
            int next = mask[i..].IndexOfAnyExcept((byte)0);
            if (next < 0)
            {
                break;
            }

            int start = i + next;
            int length = mask[start..].IndexOf((byte)0);
            length = length < 0 ? mask.Length - start : length;
            runs.Add(start);
            runs.Add(length);
            i = start + length;
        }

        return [.. runs];
    }

    /// <summary>Sets mask[start .. start + length) = value for every run (clipped to the mask).</summary>
    public static void Paint(IReadOnlyList<int> runs, Span<byte> mask, byte value = 1)
    {
        for (int i = 0; i + 1 < runs.Count; i += 2)
        {
            int start = Math.Clamp(runs[i], 0, mask.Length), end = Math.Clamp(runs[i] + runs[i + 1], start, mask.Length);
            mask[start..end].Fill(value);
        }
    }

    public static long Count(IReadOnlyList<int> runs)
    {
        long n = 0;
        for (int i = 1; i < runs.Count; i += 2)
        {
            n += runs[i];
        }

        return n;
    }
}
