namespace Ricord.Dicom.Imaging.Volumes;

/// <summary>A point or direction in patient coordinates (LPS, mm), double precision.</summary>
public readonly record struct Vector3(double X, double Y, double Z)
{
    public double Length => Math.Sqrt(Dot(this));

    public static Vector3 operator +(Vector3 a, Vector3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Vector3 operator -(Vector3 a, Vector3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static Vector3 operator *(Vector3 a, double s) => new(a.X * s, a.Y * s, a.Z * s);

    public double Dot(Vector3 b) => (X * b.X) + (Y * b.Y) + (Z * b.Z);

    public Vector3 Cross(Vector3 b) => new((Y * b.Z) - (Z * b.Y), (Z * b.X) - (X * b.Z), (X * b.Y) - (Y * b.X));

    public Vector3 Normalized() => Length is > 0 and var l ? this * (1 / l) : this;

    /// <summary>The angle to <paramref name="b"/> in degrees, ignoring sign (0..90).</summary>
    public double AxisAngleTo(Vector3 b) =>
        Math.Acos(Math.Clamp(Math.Abs(Normalized().Dot(b.Normalized())), 0, 1)) * 180 / Math.PI;

    public static Vector3 Add(Vector3 a, Vector3 b) => a + b;

    public static Vector3 Subtract(Vector3 a, Vector3 b) => a - b;

    public static Vector3 Multiply(Vector3 a, double s) => a * s;
}
