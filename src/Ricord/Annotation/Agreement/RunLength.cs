namespace Ricord.Annotation.Agreement;

/// <summary>
/// Run-length masks of one slice: start, length, … with start = row · columns + column, ascending. The
/// canonical form (what every method here returns) has no empty, overlapping or touching runs, so equal
/// masks have equal runs. Everything works on runs, in time linear in the number of runs; encoding and counting
/// are <see cref="Mdai.MaskRuns"/>'s, which shares the format.
/// </summary>
internal static class RunLength
{
    /// <summary>Voxels in both of two canonical run lists.</summary>
    public static long IntersectionCount(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        long total = 0;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            int a0 = a[i], a1 = a0 + a[i + 1], b0 = b[j], b1 = b0 + b[j + 1];
            int lo = Math.Max(a0, b0), hi = Math.Min(a1, b1);
            if (hi > lo)
            {
                total += hi - lo;
            }

            if (a1 <= b1)
            {
                i += 2;
            }
            else
            {
                j += 2;
            }
        }

        return total;
    }

    /// <summary>Checks runs against the slice size and returns them in canonical form (sorted, merged).</summary>
    public static int[] Canonical(ReadOnlySpan<int> runs, int size)
    {
        if (runs.Length % 2 != 0)
        {
            throw new ArgumentException("runs must be start, length pairs");
        }

        bool canonical = true;
        for (int i = 0; i < runs.Length; i += 2)
        {
            if (runs[i] < 0 || runs[i + 1] < 0 || (long)runs[i] + runs[i + 1] > size)
            {
                throw new ArgumentException($"run ({runs[i]}, {runs[i + 1]}) lies outside the {size}-voxel slice");
            }

            canonical &= runs[i + 1] > 0 && (i == 0 || runs[i] > runs[i - 2] + runs[i - 1]);
        }

        return canonical ? runs.ToArray() : AtLeast([runs.ToArray()], 1);
    }

    /// <summary>The voxels covered by at least <paramref name="threshold"/> of the run lists (1: union), canonical.</summary>
    public static int[] AtLeast(IReadOnlyList<int[]> lists, int threshold)
    {
        int total = 0;
        foreach (var l in lists)
        {
            total += l.Length / 2;
        }

        var starts = new int[total];
        var ends = new int[total];
        int n = 0;
        foreach (var l in lists)
        {
            for (int i = 0; i < l.Length; i += 2)
            {
                if (l[i + 1] > 0)
                {
                    starts[n] = l[i];
                    ends[n++] = l[i] + l[i + 1];
                }
            }
        }

        Array.Sort(starts, 0, n);
        Array.Sort(ends, 0, n);
        var result = new List<int>();
        int si = 0, ei = 0, depth = 0, open = -1;
        while (ei < n)
        {
            int pos = si < n ? Math.Min(starts[si], ends[ei]) : ends[ei];
            while (si < n && starts[si] == pos)
            {
                depth++;
                si++;
            }

            while (ei < n && ends[ei] == pos)
            {
                depth--;
                ei++;
            }

            if (depth >= threshold && open < 0)
            {
                open = pos;
            }
            else if (depth < threshold && open >= 0)
            {
                result.Add(open);
                result.Add(pos - open);
                open = -1;
            }
        }

        return [.. result];
    }
}
