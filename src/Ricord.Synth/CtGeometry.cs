namespace Ricord.Synth;

/// <summary>
/// Where a CT series' pixels sit in patient coordinates (LPS, mm). Axial: pixel (r, c) of slice k is at
/// (X0 + c·Spacing, Y0 + r·Spacing, Z[k]). Coronal/localizer: pixel (r, c) of slice k is at
/// (X0 + c·Spacing, Y[k], Z0 − r·RowSpacing).
/// </summary>
internal sealed record CtGeometry(bool Axial, double Spacing, double RowSpacing, double X0, double Y0, double Z0, double Thickness, IReadOnlyList<double> Positions)
{
    public const int Size = 512;

    public double[] Orientation => Axial ? [1, 0, 0, 0, 1, 0] : [1, 0, 0, 0, 0, -1];

    public double[] PositionOf(int slice) => Axial ? [X0, Y0, Positions[slice]] : [X0, Positions[slice], Z0];
}
