using Ricord.Annotation.Reads;

namespace Ricord.Annotation.Mdai;

public static partial class MdaiReadConverter
{
    private static ReadShape? Shape(MdaiResolvedAnnotation r, MdaiLabelMatch m, MdaiConversionOptions options, Warnings warnings)
    {
        var a = r.Annotation;
        string what = $"annotation {a.Id} ('{r.LabelName}', {r.Scope}, {r.Mode})";
        if (a.Data is null || a.Data.IsEmpty)
        {
            warnings.Add("no-data", $"{what} has no data: skipped");
            return null;
        }

        if (a.SeriesInstanceUid is null || a.SopInstanceUid is null)
        {
            warnings.Add("no-instance", $"{what} is a drawing without a series or SOP instance UID: skipped");
            return null;
        }

        var size = (a.SopInstanceUid is { } sop ? options.ImageSize?.Invoke(sop) : null) ?? (a.Height ?? 0, a.Width ?? 0);
        var d = a.Data;
        ReadShape Make(ShapeKind kind, IReadOnlyList<double>? points = null, IReadOnlyList<int>? runs = null) =>
            new(m.SchemaGroup, m.SchemaLabel, a.SeriesInstanceUid, a.SopInstanceUid, a.FrameNumber ?? 0, size.Rows, size.Columns, kind, points, runs);

        // The data's own shape wins where it does not fit the label's mode (a bbox drawn under a freeform label).
        string? mode = Fits(r.Mode, d) ? r.Mode : MdaiResolvedAnnotation.ModeOf(d) ?? r.Mode;
        switch (mode)
        {
            case "bbox" when d is { X: { } x, Y: { } y, Width: { } w, Height: { } h }:
                return Make(ShapeKind.BoundingBox, [x, y, w, h]);
            case "freeform" or "polygon" when d.Vertices is { Count: >= 6 } v:
                // Self-intersecting: filled by the even-odd rule; partly or wholly outside the image: clipped (PolygonRasterizer).
                return Make(ShapeKind.Polygon, v);
            case "freeform" or "polygon" when d.Vertices is not null:
                warnings.Add("degenerate", $"{what} has fewer than 3 points (no area): this drawing skipped, the rest of the read kept");
                return null;
            case "mask" or "ellipse" when size.Rows <= 0 || size.Columns <= 0:
                warnings.Add("no-size", $"{what}: image size unknown (no header, no height/width), cannot rasterise: skipped");
                return null;
            case "mask" when d.Foreground is not null:
                return Make(ShapeKind.Mask, runs: RasterizeRings(d.Foreground, d.Background, size.Rows, size.Columns));
            case "ellipse" when d is { Cx: { } cx, Cy: { } cy, Rx: { } rx, Ry: { } ry }:
                return Make(ShapeKind.Mask, runs: RasterizeEllipse(cx, cy, rx, ry, size.Rows, size.Columns));
            default:
                warnings.Add("bad-data", $"{what} lacks the geometry its mode needs: skipped");
                return null;
        }
    }

    private static bool Fits(string? mode, MdaiData d) => mode switch
    {
        "bbox" => d.Width is not null && d.Height is not null,
        "freeform" or "polygon" or "line" => d.Vertices is not null,
        "mask" => d.Foreground is not null,
        "ellipse" => d.Cx is not null,
        "location" => d.X is not null,
        _ => false,
    };

    /// <summary>Fills every foreground ring, then clears every background ring (holes), by <see cref="PolygonRasterizer"/>.</summary>
    public static int[] RasterizeRings(IReadOnlyList<IReadOnlyList<double>> foreground, IReadOnlyList<IReadOnlyList<double>>? background, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(foreground);
        var mask = new byte[rows * columns];
        foreach (var ring in foreground)
        {
            FillRing(ring, rows, columns, mask, 1);
        }

        foreach (var ring in background ?? [])
        {
            FillRing(ring, rows, columns, mask, 0);
        }

        return MaskRuns.Encode(mask);
    }

    /// <summary>Pixel centres (x = column, y = row) with ((x − cx)/rx)² + ((y − cy)/ry)² ≤ 1.</summary>
    public static int[] RasterizeEllipse(double cx, double cy, double rx, double ry, int rows, int columns)
    {
        var mask = new byte[rows * columns];
        if (rx > 0 && ry > 0)
        {
            for (int row = Math.Max(0, (int)Math.Floor(cy - ry)); row <= Math.Min(rows - 1, (int)Math.Ceiling(cy + ry)); row++)
            {
                double dy = (row - cy) / ry;
                for (int col = Math.Max(0, (int)Math.Floor(cx - rx)); col <= Math.Min(columns - 1, (int)Math.Ceiling(cx + rx)); col++)
                {
                    double dx = (col - cx) / rx;
                    if ((dx * dx) + (dy * dy) <= 1)
                    {
                        mask[(row * columns) + col] = 1;
                    }
                }
            }
        }

        return MaskRuns.Encode(mask);
    }

    internal static void FillRing(IReadOnlyList<double> ring, int rows, int columns, Span<byte> mask, byte value)
    {
        int n = ring.Count / 2;
        var xs = new double[n];
        var ys = new double[n];
        for (int i = 0; i < n; i++)
        {
            xs[i] = ring[2 * i];
            ys[i] = ring[(2 * i) + 1];
        }

        PolygonRasterizer.Fill(xs, ys, rows, columns, mask, value);
    }

    /// <summary>Warnings grouped by kind, each kind capped so a broken export cannot flood the report; the total stays exact.</summary>
    private sealed class Warnings
    {
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private readonly List<string> _all = [];

        public IReadOnlyList<string> All =>
            [.. _all, .. _counts.Where(c => c.Value > MaxWarningsPerKind).Select(c => $"… and {c.Value - MaxWarningsPerKind} more warning(s) of kind '{c.Key}'")];

        public void Add(string kind, string message)
        {
            int n = _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
            if (n <= MaxWarningsPerKind)
            {
                _all.Add(message);
            }
        }
    }
}
