namespace Ricord.Synth;

/// <summary>
/// One analytic solid of the thoracic phantom: an ellipsoid, or (when <see cref="Rz"/> is infinite) an
/// elliptic cylinder along z whose centre drifts by (DxDz, DyDz) per mm and which exists for z in [ZMin, ZMax].
/// </summary>
internal readonly record struct PhantomShape(double Cx, double Cy, double Cz, double Rx, double Ry, double Rz, short Hu, double DxDz = 0, double DyDz = 0, double ZMin = double.MinValue, double ZMax = double.MaxValue)
{
    /// <summary>The x interval the shape covers on the line (y, z), as centre and half-width; false if none.</summary>
    public bool Span(double y, double z, out double centre, out double half)
    {
        centre = half = 0;
        if (z < ZMin || z > ZMax)
        {
            return false;
        }

        double cx = Cx + (DxDz * (z - Cz)), cy = Cy + (DyDz * (z - Cz));
        double ty = (y - cy) / Ry;
        double t = ty * ty;
        if (!double.IsPositiveInfinity(Rz))
        {
            double tz = (z - Cz) / Rz;
            t += tz * tz;
        }

        if (t >= 1)
        {
            return false;
        }

        centre = cx;
        half = Rx * Math.Sqrt(1 - t);
        return true;
    }
}
