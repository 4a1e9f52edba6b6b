using Ricord.Annotation.Agreement;

namespace Ricord.AgreementBench;

/// <summary>
/// One reader's segmentation of a 512 × 512 × 300 CT: an ellipsoidal lesion through every slice, drawn as
/// one 64-vertex polygon per slice (semi-axes up to 110 × 80 pixels: lung-sized, far more voxels and runs than
/// a real lesion, so a worst case),
/// each reader with its own scale and shift.
/// </summary>
internal static class SegmentationWorkload
{
    public const int Size = 512;
    public const int Slices = 300;
    private const int Vertices = 64;

    public static (double[] Xs, double[] Ys)[] Polygons(double scale, double shiftX, double shiftY)
    {
        var result = new (double[], double[])[Slices];
        for (int k = 0; k < Slices; k++)
        {
            double t = ((k + 0.5) / Slices * 2) - 1;
            double s = Math.Sqrt(1 - (t * t)) * scale;
            var xs = new double[Vertices];
            var ys = new double[Vertices];
            for (int v = 0; v < Vertices; v++)
            {
                double a = 2 * Math.PI * v / Vertices;
                double wobble = 1 + (0.05 * Math.Sin(5 * a + k));
                xs[v] = 256 + shiftX + (110 * s * wobble * Math.Cos(a));
                ys[v] = 256 + shiftY + (80 * s * wobble * Math.Sin(a));
            }

            result[k] = (xs, ys);
        }

        return result;
    }

    public static MaskVolume Rasterise((double[] Xs, double[] Ys)[] polygons)
    {
        var b = new MaskVolumeBuilder(Size, Size, Slices);
        for (int k = 0; k < polygons.Length; k++)
        {
            b.AddPolygon(k, polygons[k].Xs, polygons[k].Ys);
        }

        return b.Build();
    }
}
