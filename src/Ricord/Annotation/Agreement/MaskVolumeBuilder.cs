using Ricord.Annotation.Reads;

namespace Ricord.Annotation.Agreement;

/// <summary>
/// Collects one reader's drawings of one label into a <see cref="MaskVolume"/>: polygons (rasterised with
/// <see cref="PolygonRasterizer"/>, the project's one fill rule), run lists and dense slice masks, unioned
/// per slice. Polygons are filled into one reused slice buffer, encoded over the rows they touch and cleared,
/// so memory stays one slice plus the runs.
/// </summary>
public sealed class MaskVolumeBuilder
{
    private readonly List<int[]>?[] _slices;
    private byte[]? _scratch;
    private readonly List<int> _runs = [];

    public MaskVolumeBuilder(int rows, int columns, int slices)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(slices);
        Rows = rows;
        Columns = columns;
        _slices = new List<int[]>?[slices];
    }

    public int Rows { get; }

    public int Columns { get; }

    public int SliceCount => _slices.Length;

    /// <summary>Adds runs (start, length, … in any order; overlaps allowed).</summary>
    public MaskVolumeBuilder AddRuns(int slice, ReadOnlySpan<int> runs)
    {
        Add(slice, RunLength.Canonical(runs, Rows * Columns));
        return this;
    }

    /// <summary>Adds a dense rows × columns slice mask (non-zero inside).</summary>
    public MaskVolumeBuilder AddMask(int slice, ReadOnlySpan<byte> mask)
    {
        if (mask.Length != Rows * Columns)
        {
            throw new ArgumentException($"a slice mask has {Rows * Columns} bytes, got {mask.Length}", nameof(mask));
        }

        _runs.Clear();
        Mdai.MaskRuns.Encode(mask, 0, _runs);
        Add(slice, [.. _runs]);
        return this;
    }

    /// <summary>Adds a closed polygon, vertices x = column, y = row (pixel centres at integers).</summary>
    public MaskVolumeBuilder AddPolygon(int slice, ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        if (xs.Length < 3 || xs.Length != ys.Length)
        {
            CheckSlice(slice);
            return xs.Length == ys.Length ? this : throw new ArgumentException("xs and ys must have the same length");
        }

        var (r0, r1) = PolygonRasterizer.RowRange(ys, Rows);
        if (r1 < r0)
        {
            CheckSlice(slice);
            return this;
        }

        _scratch ??= new byte[Rows * Columns];
        PolygonRasterizer.Fill(xs, ys, Rows, Columns, _scratch);
        var touched = _scratch.AsSpan(r0 * Columns, (r1 - r0 + 1) * Columns);
        _runs.Clear();
        Mdai.MaskRuns.Encode(touched, r0 * Columns, _runs);
        touched.Clear();
        Add(slice, [.. _runs]);
        return this;
    }

    /// <summary>Adds a read shape on a known slice: polygon, run-length mask or box (a box is the polygon of its corners); shapes without data are skipped.</summary>
    public MaskVolumeBuilder AddShape(int slice, ReadShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Rows != Rows || shape.Columns != Columns)
        {
            throw new ArgumentException($"shape drawn on a {shape.Rows}×{shape.Columns} image, the volume is {Rows}×{Columns}", nameof(shape));
        }

        switch (shape.Kind)
        {
            case ShapeKind.Mask when shape.Runs is { } runs:
                return AddRuns(slice, runs.ToArray());
            case ShapeKind.Polygon when shape.Points is { Count: >= 6 } p:
                return AddPolygon(slice, [.. p.Where((_, i) => i % 2 == 0)], [.. p.Where((_, i) => i % 2 == 1)]);
            case ShapeKind.BoundingBox when shape.Points is { Count: 4 } b:
                return AddPolygon(slice, [b[0], b[0] + b[2], b[0] + b[2], b[0]], [b[1], b[1], b[1] + b[3], b[1] + b[3]]);
            default:
                CheckSlice(slice);
                return this;
        }
    }

    /// <summary>Adds every shape, placing each on the slice of its SOPInstanceUID in the series' ordered <paramref name="sopInstanceUids"/>.</summary>
    public MaskVolumeBuilder AddShapes(IEnumerable<ReadShape> shapes, IReadOnlyList<string> sopInstanceUids)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        ArgumentNullException.ThrowIfNull(sopInstanceUids);
        var sliceOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < sopInstanceUids.Count; i++)
        {
            sliceOf.TryAdd(sopInstanceUids[i], i);
        }

        foreach (var shape in shapes)
        {
            if (!sliceOf.TryGetValue(shape.SopInstanceUid, out int slice))
            {
                throw new ArgumentException($"shape on instance {shape.SopInstanceUid}, which is not a slice of the volume", nameof(shapes));
            }

            AddShape(slice, shape);
        }

        return this;
    }

    public MaskVolume Build()
    {
        var slices = new int[_slices.Length][];
        for (int s = 0; s < slices.Length; s++)
        {
            slices[s] = _slices[s] switch
            {
                null => [],
                [var only] => only,
                var many => RunLength.AtLeast(many, 1),
            };
        }

        return new MaskVolume(Rows, Columns, slices);
    }

    private void Add(int slice, int[] runs)
    {
        CheckSlice(slice);
        if (runs.Length > 0)
        {
            (_slices[slice] ??= []).Add(runs);
        }
    }

    private void CheckSlice(int slice)
    {
        if ((uint)slice >= (uint)_slices.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(slice), slice, $"the volume has {_slices.Length} slices");
        }
    }
}
