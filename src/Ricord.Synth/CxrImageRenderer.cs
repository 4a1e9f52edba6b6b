using System.Buffers.Binary;

namespace Ricord.Synth;

/// <summary>
/// Renders a chest radiograph: frontal (two lungs, six zones) or lateral, with opacities, bounded noise,
/// MONOCHROME1 inversion and an optional black or white border. Pixels are little-endian uint16. Each row
/// is built from the analytic spans of its ellipses, then noise is added per pixel.
/// </summary>
internal static class CxrImageRenderer
{
    /// <summary>The frontal lungs as (cx, cy, rx, ry) in fractions of the image; zones 0–2 right lung top to bottom, 3–5 left.</summary>
    public static readonly (double Cx, double Cy, double Rx, double Ry)[] Lungs = [(0.33, 0.47, 0.14, 0.30), (0.67, 0.47, 0.14, 0.30)];

    [ThreadStatic]
    private static double[]? t_row;

    public static void Render(XrParameters p, bool lateral, IReadOnlyList<CxrOpacity> opacities, ulong seed, Span<byte> pixels)
    {
        int n = p.Size;
        double max = (1 << p.BitsStored) - 1;
        var rng = new SeededRandom(seed);
        var row = t_row is { } cached && cached.Length == n ? cached : t_row = new double[n];
        for (int r = 0; r < n; r++)
        {
            double y = (r + 0.5) / n;
            row.AsSpan().Fill(0.04);
            if (lateral)
            {
                Ellipse(row, y, 0.5, 0.55, 0.36, 0.52, 0.55);
                Ellipse(row, y, 0.5, 0.47, 0.25, 0.3, 0.3);
                Band(row, y > 0.1 && Inside(y, 0.55, 0.52), 0.78 - 0.04, 0.78 + 0.04, 0.8);
            }
            else
            {
                Ellipse(row, y, 0.5, 0.55, 0.46, 0.52, 0.55);
                foreach (var l in Lungs)
                {
                    Ellipse(row, y, l.Cx, l.Cy, l.Rx, l.Ry, 0.22);
                }

                Ellipse(row, y, 0.55, 0.64, 0.13, 0.11, 0.6);
                Band(row, y > 0.1 && Inside(y, 0.55, 0.52), 0.5 - 0.035, 0.5 + 0.035, 0.8);
            }

            foreach (var o in opacities)
            {
                if (Columns(n, y, lateral ? 0.5 : o.Cx, o.Cy, o.Rx, o.Ry, out int c0, out int c1))
                {
                    for (int c = c0; c <= c1; c++)
                    {
                        row[c] += o.Density;
                    }
                }
            }

            bool borderRow = r < p.Border || r >= n - p.Border;
            var line = pixels.Slice(r * n * 2, n * 2);
            for (int c = 0; c < n; c++)
            {
                double v = Math.Clamp((row[c] + (rng.Bounded() * 0.01)) * max, 0, max);
                if (p.Monochrome1)
                {
                    v = max - v;
                }

                if (p.Border > 0 && (borderRow || c < p.Border || c >= n - p.Border))
                {
                    v = p.BorderWhite ? max : 0;
                }

                BinaryPrimitives.WriteUInt16LittleEndian(line.Slice(c * 2), (ushort)v);
            }
        }
    }

    private static bool Inside(double y, double cy, double ry) => Math.Abs(y - cy) < ry;

    private static void Ellipse(double[] row, double y, double cx, double cy, double rx, double ry, double value)
    {
        if (Columns(row.Length, y, cx, cy, rx, ry, out int c0, out int c1))
        {
            row.AsSpan(c0, c1 - c0 + 1).Fill(value);
        }
    }

    private static void Band(double[] row, bool on, double x0, double x1, double value)
    {
        int n = row.Length;
        int c0 = Math.Max(0, (int)Math.Floor((x0 * n) - 0.5) + 1), c1 = Math.Min(n - 1, (int)Math.Ceiling((x1 * n) - 0.5) - 1);
        if (on && c1 >= c0)
        {
            row.AsSpan(c0, c1 - c0 + 1).Fill(value);
        }
    }

    /// <summary>The columns c whose centre x = (c + 0.5)/n lies strictly inside the ellipse on row y.</summary>
    private static bool Columns(int n, double y, double cx, double cy, double rx, double ry, out int c0, out int c1)
    {
        double dy = (y - cy) / ry;
        c0 = c1 = 0;
        if (dy * dy >= 1)
        {
            return false;
        }

        double h = rx * Math.Sqrt(1 - (dy * dy));
        c0 = Math.Max(0, (int)Math.Floor((n * (cx - h)) - 0.5) + 1);
        c1 = Math.Min(n - 1, (int)Math.Ceiling((n * (cx + h)) - 0.5) - 1);
        return c1 >= c0;
    }
}
