namespace Ricord.Annotation;

/// <summary>
/// The project's one polygon fill rule. Pixel (row r, column c) is inside a polygon iff the point
/// (x = c, y = r) — pixel centres at integer coordinates, as skimage.draw.polygon — is inside by the
/// even-odd crossing rule (PNPOLY): edge (xi,yi)-(xj,yj) counts when (yi &gt; y) != (yj &gt; y) and
/// x &lt; (xj - xi) * (y - yi) / (yj - yi) + xi. Vertices are (x = column, y = row) as in MD.ai; the
/// closing edge is implicit.
/// </summary>
public static class PolygonRasterizer
{
    /// <summary>The reference test for one point; <see cref="Fill"/> gives the same answer for every pixel.</summary>
    public static bool Contains(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, double x, double y)
    {
        bool inside = false;
        int n = xs.Length;
        for (int i = 0, j = n - 1; i < n; j = i++)
        {
            if ((ys[i] > y) != (ys[j] > y) && x < ((xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i])) + xs[i])
            {
                inside = !inside;
            }
        }

        return inside;
    }

    /// <summary>
    /// Sets mask[r * cols + c] = value for every inside pixel of a rows × cols image (pixels outside the
    /// image are clipped). Scanline form of <see cref="Contains"/>: on row r, with the sorted crossings
    /// x0 ≤ x1 ≤ …, pixel c is inside iff an odd number of crossings lie strictly right of c, that is
    /// x(2k) ≤ c &lt; x(2k+1).
    /// </summary>
    public static void Fill(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, int rows, int cols, Span<byte> mask, byte value = 1)
    {
        if (xs.Length != ys.Length)
        {
            throw new ArgumentException("xs and ys must have the same length");
        }

        if (mask.Length < rows * cols)
        {
            throw new ArgumentException("mask is smaller than rows × cols", nameof(mask));
        }

        int n = xs.Length;
        if (n < 3)
        {
            return;
        }

        var (r0, r1) = RowRange(ys, rows);
        Span<double> crossings = n <= 256 ? stackalloc double[n] : new double[n];
        for (int r = r0; r <= r1; r++)
        {
            int count = Crossings(xs, ys, r, crossings);
            var row = mask.Slice(r * cols, cols);
            for (int k = 0; k + 1 < count; k += 2)
            {
                int c0 = Math.Max(0, (int)Math.Ceiling(crossings[k]));
                int c1 = Math.Min(cols - 1, (int)Math.Ceiling(crossings[k + 1]) - 1);
                if (c1 >= c0)
                {
                    row.Slice(c0, c1 - c0 + 1).Fill(value);
                }
            }
        }
    }

    /// <summary>The image rows a polygon can touch (clipped to 0 .. rows - 1); empty (last &lt; first) when none.</summary>
    public static (int First, int Last) RowRange(ReadOnlySpan<double> ys, int rows)
    {
        double minY = double.MaxValue, maxY = double.MinValue;
        foreach (double y in ys)
        {
            minY = Math.Min(minY, y);
            maxY = Math.Max(maxY, y);
        }

        return (Math.Max(0, (int)Math.Floor(minY)), Math.Min(rows - 1, (int)Math.Ceiling(maxY)));
    }

    /// <summary>The inside pixels as a new rows × cols mask (1 inside, 0 outside).</summary>
    public static byte[] Rasterize(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, int rows, int cols)
    {
        var mask = new byte[rows * cols];
        Fill(xs, ys, rows, cols, mask);
        return mask;
    }

    /// <summary>The x of every counted edge crossing on scanline y, sorted ascending; returns how many.</summary>
    private static int Crossings(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, double y, Span<double> result)
    {
        int count = 0, n = xs.Length;
        for (int i = 0, j = n - 1; i < n; j = i++)
        {
            if ((ys[i] > y) != (ys[j] > y))
            {
                result[count++] = ((xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i])) + xs[i];
            }
        }

        result[..count].Sort();
        return count;
    }
}
