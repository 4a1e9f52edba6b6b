using System.Buffers.Binary;

namespace Ricord.Synth;

/// <summary>
/// Renders a chest radiograph: frontal (two lungs, six zones) or lateral, with opacities, bounded noise,
/// MONOCHROME1 inversion and an optional black or white border. Pixels are little-endian uint16.
/// </summary>
internal static class CxrImageRenderer
{
    /// <summary>The frontal lungs as (cx, cy, rx, ry) in fractions of the image; zones 0–2 right lung top to bottom, 3–5 left.</summary>
    public static readonly (double Cx, double Cy, double Rx, double Ry)[] Lungs = [(0.33, 0.47, 0.14, 0.30), (0.67, 0.47, 0.14, 0.30)];

    public static void Render(XrParameters p, bool lateral, IReadOnlyList<CxrOpacity> opacities, ulong seed, Span<byte> pixels)
    {
        int n = p.Size;
        double max = (1 << p.BitsStored) - 1;
        var rng = new SynthRandom(seed);
        for (int r = 0; r < n; r++)
        {
            double y = (r + 0.5) / n;
            for (int c = 0; c < n; c++)
            {
                double x = (c + 0.5) / n;
                double a = lateral ? Lateral(x, y) : Frontal(x, y);
                foreach (var o in opacities)
                {
                    double dx = (x - (lateral ? 0.5 : o.Cx)) / o.Rx, dy = (y - o.Cy) / o.Ry;
                    if ((dx * dx) + (dy * dy) < 1)
                    {
                        a += o.Density;
                    }
                }

                double v = Math.Clamp((a + (rng.Bounded() * 0.01)) * max, 0, max);
                if (p.Monochrome1)
                {
                    v = max - v;
                }

                if (p.Border > 0 && (r < p.Border || c < p.Border || r >= n - p.Border || c >= n - p.Border))
                {
                    v = p.BorderWhite ? max : 0;
                }

                BinaryPrimitives.WriteUInt16LittleEndian(pixels.Slice(((r * n) + c) * 2), (ushort)v);
            }
        }
    }

    private static double Frontal(double x, double y)
    {
        if (Inside(x, y, 0.5, 0.55, 0.46, 0.52) is false)
        {
            return 0.04;
        }

        double a = 0.55;
        foreach (var l in Lungs)
        {
            if (Inside(x, y, l.Cx, l.Cy, l.Rx, l.Ry))
            {
                a = 0.22;
            }
        }

        if (Inside(x, y, 0.55, 0.64, 0.13, 0.11))
        {
            a = 0.6;
        }

        if (Math.Abs(x - 0.5) < 0.035 && y > 0.1)
        {
            a = 0.8;
        }

        return a;
    }

    private static double Lateral(double x, double y)
    {
        if (!Inside(x, y, 0.5, 0.55, 0.36, 0.52))
        {
            return 0.04;
        }

        double a = Inside(x, y, 0.5, 0.47, 0.25, 0.3) ? 0.3 : 0.55;
        if (Math.Abs(x - 0.78) < 0.04 && y > 0.1)
        {
            a = 0.8;
        }

        return a;
    }

    private static bool Inside(double x, double y, double cx, double cy, double rx, double ry)
    {
        double dx = (x - cx) / rx, dy = (y - cy) / ry;
        return (dx * dx) + (dy * dy) < 1;
    }
}
