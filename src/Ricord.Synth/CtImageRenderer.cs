using System.Buffers.Binary;
using Ricord.Annotation;

namespace Ricord.Synth;

/// <summary>
/// Renders CT pixel data: stored value = HU + 1024 (RescaleIntercept −1024, slope 1), 12 bits stored in
/// 16, clamped to [0, 4095]. Findings on axial slices are painted exactly where their cross-section
/// polygons rasterise, so the ground-truth masks and the pixels agree voxel for voxel.
/// </summary>
internal static class CtImageRenderer
{
    public const int Intercept = -1024;

    [ThreadStatic]
    private static short[]? t_hu;

    [ThreadStatic]
    private static byte[]? t_mask;

    /// <summary>Writes 512 × 512 little-endian uint16 pixels of slice <paramref name="slice"/> into <paramref name="pixels"/>.</summary>
    public static void Render(CtGeometry g, int slice, IReadOnlyList<CtFinding> findings, double noiseSd, ulong seed, Span<byte> pixels)
    {
        const int n = CtGeometry.Size;
        var rng = new SeededRandom(seed);
        Span<short> line = stackalloc short[n];
        short[] hu = t_hu ??= new short[n * n];
        for (int r = 0; r < n; r++)
        {
            if (g.Axial)
            {
                ThoraxPhantom.RenderLine(g.Y0 + (r * g.Spacing), g.Positions[slice], g.X0, g.Spacing, line, null);
            }
            else
            {
                ThoraxPhantom.RenderLine(g.Positions[slice], g.Z0 - (r * g.RowSpacing), g.X0, g.Spacing, line, findings);
            }

            line.CopyTo(hu.AsSpan(r * n, n));
        }

        if (g.Axial)
        {
            PaintFindings(g, g.Positions[slice], findings, hu);
        }

        for (int i = 0; i < hu.Length; i++)
        {
            int v = (int)Math.Round(hu[i] + (rng.Bounded() * noiseSd)) - Intercept;
            BinaryPrimitives.WriteUInt16LittleEndian(pixels.Slice(i * 2), (ushort)Math.Clamp(v, 0, 4095));
        }
    }

    private static void PaintFindings(CtGeometry g, double z, IReadOnlyList<CtFinding> findings, short[] hu)
    {
        const int n = CtGeometry.Size;
        byte[] mask = t_mask ??= new byte[n * n];
        foreach (var f in findings)
        {
            if (!f.CrossSection(g, z, 1, 0, 0, out var xs, out var ys))
            {
                continue;
            }

            PolygonRasterizer.Fill(xs, ys, n, n, mask);
            short value = (short)Math.Round(f.Hu);
            int r0 = Math.Clamp((int)Math.Floor(ys.Min()), 0, n - 1), r1 = Math.Clamp((int)Math.Ceiling(ys.Max()), 0, n - 1);
            for (int i = r0 * n; i < (r1 + 1) * n; i++)
            {
                if (mask[i] != 0)
                {
                    hu[i] = value;
                    mask[i] = 0;
                }
            }
        }
    }
}
