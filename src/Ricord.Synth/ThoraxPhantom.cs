namespace Ricord.Synth;

/// <summary>
/// The analytic chest: body, lungs (−850 HU), heart, aorta, pulmonary vessels, spine (700 HU), trachea and
/// main bronchi (−1000 HU). Coordinates in mm, LPS; lungs span z ∈ [−280, −20].
/// </summary>
internal static class ThoraxPhantom
{
    public const double LungTop = -20, LungBottom = -280;

    private const double Inf = double.PositiveInfinity;

    /// <summary>Painted in this order; later shapes overwrite earlier ones.</summary>
    public static IReadOnlyList<PhantomShape> Shapes { get; } =
    [
        new(0, 0, 0, 165, 115, Inf, 40),
        new(0, 0, 0, 150, 100, Inf, -90, ZMin: -300, ZMax: 40),
        new(0, 0, 0, 140, 92, Inf, 30, ZMin: -300, ZMax: 40),
        new(-75, 0, -150, 62, 88, 130, -850),
        new(75, 0, -150, 62, 88, 130, -850),
        new(18, -32, -205, 52, 45, 62, 40),
        new(8, 20, -100, 14, 14, Inf, 45, ZMin: -290, ZMax: -60),
        new(-55, -22, -150, 4.5, 4.5, Inf, 40, DxDz: 0.05, ZMin: -250, ZMax: -60),
        new(55, -22, -150, 4.5, 4.5, Inf, 40, DxDz: -0.05, ZMin: -250, ZMax: -60),
        new(-90, 30, -150, 3.5, 3.5, Inf, 40, DxDz: -0.08, DyDz: 0.05, ZMin: -260, ZMax: -90),
        new(90, 30, -150, 3.5, 3.5, Inf, 40, DxDz: 0.08, DyDz: 0.05, ZMin: -260, ZMax: -90),
        new(-70, -50, -170, 3, 3, Inf, 40, DxDz: 0.1, ZMin: -240, ZMax: -100),
        new(70, -50, -170, 3, 3, Inf, 40, DxDz: -0.1, ZMin: -240, ZMax: -100),
        new(0, 85, 0, 18, 18, Inf, 700),
        new(0, 110, 0, 6, 14, Inf, 600),
        new(0, -30, 0, 9, 9, Inf, -1000, ZMin: -90, ZMax: 40),
        new(-20, -25, -115, 6, 6, Inf, -1000, DxDz: 0.8, DyDz: -0.1, ZMin: -140, ZMax: -90),
        new(20, -25, -115, 6, 6, Inf, -1000, DxDz: -0.8, DyDz: -0.1, ZMin: -140, ZMax: -90),
    ];

    /// <summary>
    /// Renders the line of pixels at (y, z), x = x0 + i·dx, into <paramref name="hu"/>; with
    /// <paramref name="findings"/> the ellipsoids are painted analytically (used for reformats; axial slices
    /// paint findings from their polygons instead).
    /// </summary>
    public static void RenderLine(double y, double z, double x0, double dx, Span<short> hu, IReadOnlyList<CtFinding>? findings)
    {
        hu.Fill(-1000);
        foreach (var s in Shapes)
        {
            if (s.Span(y, z, out double c, out double h))
            {
                Paint(hu, x0, dx, c, h, s.Hu);
            }
        }

        if (findings is null)
        {
            return;
        }

        foreach (var f in findings)
        {
            var shape = new PhantomShape(f.Cx, f.Cy, f.Cz, f.Rx, f.Ry, f.Rz, (short)Math.Round(f.Hu));
            if (shape.Span(y, z, out double c, out double h))
            {
                Paint(hu, x0, dx, c, h, shape.Hu);
            }
        }
    }

    private static void Paint(Span<short> hu, double x0, double dx, double centre, double half, short value)
    {
        int c0 = Math.Max(0, (int)Math.Ceiling((centre - half - x0) / dx));
        int c1 = Math.Min(hu.Length - 1, (int)Math.Floor((centre + half - x0) / dx));
        if (c1 >= c0)
        {
            hu.Slice(c0, c1 - c0 + 1).Fill(value);
        }
    }
}
