using Ricord.Annotation.Reads;

namespace Ricord.Annotation.Mdai;

public static partial class MdaiExportBuilder
{
    private static MdaiData Data(ReadShape s) => s.Kind switch
    {
        ShapeKind.BoundingBox when s.Points is [var x, var y, var w, var h, ..] => new MdaiData { X = x, Y = y, Width = w, Height = h },
        ShapeKind.Mask => new MdaiData { Foreground = RunRectangles(s.Runs ?? [], s.Columns) },
        _ => new MdaiData { Vertices = s.Points ?? [] },
    };

    /// <summary>
    /// One ring per run and row with edges on pixel borders (c0 − ½ … c1 + ½, r − ½ … r + ½): under the pixel-centre
    /// rule it holds exactly pixels c0..c1 of row r, so the rings rasterise back to the same mask.
    /// </summary>
    internal static List<IReadOnlyList<double>> RunRectangles(IReadOnlyList<int> runs, int columns)
    {
        var rings = new List<IReadOnlyList<double>>();
        if (columns <= 0)
        {
            return rings;
        }

        for (int i = 0; i + 1 < runs.Count; i += 2)
        {
            int start = runs[i], length = runs[i + 1];
            while (length > 0)
            {
                int row = start / columns, c0 = start % columns, take = Math.Min(length, columns - c0);
                double left = c0 - 0.5, right = c0 + take - 0.5, top = row - 0.5, bottom = row + 0.5;
                rings.Add([left, top, right, top, right, bottom, left, bottom]);
                start += take;
                length -= take;
            }
        }

        return rings;
    }
}
