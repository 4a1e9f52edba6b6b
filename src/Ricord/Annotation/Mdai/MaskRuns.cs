namespace Ricord.Annotation.Mdai;

/// <summary>Run-length masks as <see cref="Reads.ShapeKind.Mask"/> stores them: start, length, … with start = row · columns + column, ascending.</summary>
public static class MaskRuns
{
    public static int[] Encode(ReadOnlySpan<byte> mask)
    {
        var runs = new List<int>();
        Encode(mask, 0, runs);
        return [.. runs];
    }

    /// <summary>Appends the runs of the non-zero bytes of <paramref name="mask"/>, whose first byte is pixel <paramref name="offset"/>.</summary>
    public static void Encode(ReadOnlySpan<byte> mask, int offset, List<int> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        for (int i = 0; i < mask.Length;)
        {
            int next = mask[i..].IndexOfAnyExcept((byte)0);
            if (next < 0)
            {
                return;
            }

            int start = i + next;
            int length = mask[start..].IndexOf((byte)0);
            length = length < 0 ? mask.Length - start : length;
            runs.Add(offset + start);
            runs.Add(length);
            i = start + length;
        }
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

    /// <summary>The pixels the runs cover (the sum of the lengths).</summary>
    public static long Count(ReadOnlySpan<int> runs)
    {
        long n = 0;
        for (int i = 1; i < runs.Length; i += 2)
        {
            n += runs[i];
        }

        return n;
    }
}
