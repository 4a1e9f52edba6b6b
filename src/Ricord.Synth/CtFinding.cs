namespace Ricord.Synth;

/// <summary>
/// One CT finding: an axis-aligned ellipsoid (centre and semi-axes in mm, LPS) filled with
/// <see cref="Hu"/> plus bounded noise. Its ground-truth mask on an axial slice is the rasterisation of
/// <see cref="CrossSection"/>.
/// </summary>
internal sealed record CtFinding(string Kind, string Label, double Cx, double Cy, double Cz, double Rx, double Ry, double Rz, double Hu, double HuMin, double HuMax)
{
    public const int Vertices = 48;

    /// <summary>The cross-section at z as a polygon in pixel coordinates (x = column, y = row), or false if none.</summary>
    public bool CrossSection(CtGeometry g, double z, double scale, double shiftX, double shiftY, out double[] xs, out double[] ys)
    {
        double t = (z - Cz) / Rz;
        if (Math.Abs(t) >= 1)
        {
            xs = ys = [];
            return false;
        }

        double s = Math.Sqrt(1 - (t * t)) * scale;
        xs = new double[Vertices];
        ys = new double[Vertices];
        for (int k = 0; k < Vertices; k++)
        {
            double a = 2 * Math.PI * k / Vertices;
            xs[k] = (Cx + (Rx * s * Math.Cos(a)) - g.X0) / g.Spacing + shiftX;
            ys[k] = (Cy + (Ry * s * Math.Sin(a)) - g.Y0) / g.Spacing + shiftY;
        }

        return true;
    }

    public bool Overlaps(CtFinding o, double margin) =>
        Math.Abs(Cx - o.Cx) < Rx + o.Rx + margin && Math.Abs(Cy - o.Cy) < Ry + o.Ry + margin && Math.Abs(Cz - o.Cz) < Rz + o.Rz + margin;
}
