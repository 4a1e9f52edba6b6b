namespace Ricord.Dicom.Imaging.Volumes;

/// <summary>
/// The 4×4 matrix from voxel indices (i = column, j = row, k = slice, 0-based) to patient LPS millimetres:
/// p = Origin + i·ColumnStep + j·RowStep + k·SliceStep (PS3.3 C.7.6.2.1.1 extended along the stack).
/// </summary>
public sealed class VolumeAffine
{
    public VolumeAffine(Vector3 origin, Vector3 columnStep, Vector3 rowStep, Vector3 sliceStep)
    {
        Origin = origin;
        ColumnStep = columnStep;
        RowStep = rowStep;
        SliceStep = sliceStep;
    }

    /// <summary>The centre of voxel (0, 0, 0): the first slice's Image Position (Patient).</summary>
    public Vector3 Origin { get; }

    /// <summary>One step of i (along a row, to the next column): row direction cosine × column spacing.</summary>
    public Vector3 ColumnStep { get; }

    /// <summary>One step of j (down a column, to the next row): column direction cosine × row spacing.</summary>
    public Vector3 RowStep { get; }

    /// <summary>One step of k: the mean step between slice positions (not the normal when the gantry is tilted).</summary>
    public Vector3 SliceStep { get; }

    public Vector3 Transform(double i, double j, double k) => Origin + (ColumnStep * i) + (RowStep * j) + (SliceStep * k);

    /// <summary>Row-major 4×4 matrix in LPS.</summary>
    public double[,] ToMatrix() => new double[,]
    {
        { ColumnStep.X, RowStep.X, SliceStep.X, Origin.X },
        { ColumnStep.Y, RowStep.Y, SliceStep.Y, Origin.Y },
        { ColumnStep.Z, RowStep.Z, SliceStep.Z, Origin.Z },
        { 0, 0, 0, 1 },
    };

    /// <summary>The same matrix in RAS (NIfTI's sform convention): the first two rows negated.</summary>
    public double[,] ToRasMatrix()
    {
        var m = ToMatrix();
        for (int c = 0; c < 4; c++)
        {
            m[0, c] = -m[0, c];
            m[1, c] = -m[1, c];
        }

        return m;
    }
}
