using Ricord.Annotation.Mdai;
using Ricord.Annotation.Reads;

namespace Ricord.Annotation.Import;

public static partial class ReleaseImporter
{
    /// <summary>
    /// Every reader's drawings rasterised per (series, reader, label), slice = geometric index. Shapes are sorted by
    /// target so one slice buffer is filled at a time: memory is one image, not one volume.
    /// </summary>
    private static List<SeriesLabelMask> Masks(IReadOnlyList<MdaiRead> reads, ImageIndex images, CancellationToken cancellationToken)
    {
        var placed = new List<(string Series, string Reader, bool Adjudication, string Label, int Slice, ReadShape Shape)>();
        foreach (var read in reads)
        {
            foreach (var s in read.Content.Shapes)
            {
                if (images.Instances.TryGetValue(s.SopInstanceUid, out var inst) && inst.SeriesInstanceUid == s.SeriesInstanceUid
                    && images.Order(inst.SeriesInstanceUid)!.SliceOf(s.SopInstanceUid) is { } k)
                {
                    placed.Add((inst.SeriesInstanceUid, read.Reader, read.IsAdjudication, s.Label, k, s));
                }
            }
        }

        var result = new List<SeriesLabelMask>();
        foreach (var target in placed.GroupBy(p => (p.Series, p.Reader, p.Adjudication, p.Label))
            .OrderBy(g => g.Key.Series, StringComparer.Ordinal).ThenBy(g => g.Key.Adjudication).ThenBy(g => g.Key.Reader, StringComparer.Ordinal).ThenBy(g => g.Key.Label, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var order = images.Order(target.Key.Series)!;
            var mask = new byte[order.Rows * order.Columns];
            var runs = new Dictionary<int, int[]>();
            foreach (var slice in target.GroupBy(p => p.Slice).OrderBy(g => g.Key))
            {
                Array.Clear(mask);
                foreach (var p in slice)
                {
                    Paint(p.Shape, order.Rows, order.Columns, mask);
                }

                if (MaskRuns.Encode(mask) is { Length: > 0 } r)
                {
                    runs[slice.Key] = r;
                }
            }

            result.Add(new SeriesLabelMask(target.Key.Series, target.Key.Reader, target.Key.Adjudication, target.Key.Label, order.Rows, order.Columns, order.SopInstanceUids.Count, runs));
        }

        return result;
    }

    private static void Paint(ReadShape s, int rows, int columns, Span<byte> mask)
    {
        switch (s.Kind)
        {
            case ShapeKind.Polygon when s.Points is { } p:
                MdaiReadConverter.FillRing(p, rows, columns, mask, 1);
                break;
            case ShapeKind.BoundingBox when s.Points is [var x, var y, var w, var h, ..]:
                MdaiReadConverter.FillRing([x, y, x + w, y, x + w, y + h, x, y + h], rows, columns, mask, 1);
                break;
            case ShapeKind.Mask when s.Runs is { } r && s.Rows == rows && s.Columns == columns:
                MaskRuns.Paint(r, mask);
                break;
        }
    }
}
