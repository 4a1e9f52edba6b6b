namespace Ricord.Annotation.Agreement;

/// <summary>
/// A binary segmentation of a rows × columns × slices volume, stored per slice as canonical runs
/// (start, length, … with start = row · columns + column, as <see cref="Reads.ShapeKind.Mask"/>), so a
/// 512 × 512 × 300 volume costs memory and time in proportion to its outline, not its voxels. Slices are
/// indices into the series' ordered SOPInstanceUIDs. Immutable; build one with <see cref="MaskVolumeBuilder"/>.
/// </summary>
public sealed class MaskVolume
{
    private readonly int[][] _slices;

    internal MaskVolume(int rows, int columns, int[][] slices)
    {
        Rows = rows;
        Columns = columns;
        _slices = slices;
        foreach (var s in slices)
        {
            VoxelCount += Mdai.MaskRuns.Count(s);
        }
    }

    public int Rows { get; }

    public int Columns { get; }

    public int SliceCount => _slices.Length;

    public long VoxelCount { get; }

    /// <summary>An empty mask of the given size.</summary>
    public static MaskVolume Empty(int rows, int columns, int slices) =>
        new(rows, columns, [.. Enumerable.Range(0, slices).Select(_ => Array.Empty<int>())]);

    /// <summary>The canonical runs of one slice (empty when the slice has no voxel).</summary>
    public ReadOnlySpan<int> RunsOf(int slice) => _slices[slice];

    /// <summary>Voxels set in both masks (same size required).</summary>
    public long IntersectionCount(MaskVolume other)
    {
        CheckSameSize(other);
        long total = 0;
        for (int s = 0; s < _slices.Length; s++)
        {
            total += RunLength.IntersectionCount(_slices[s], other._slices[s]);
        }

        return total;
    }

    /// <summary>One slice as a dense rows × columns mask (1 inside).</summary>
    public byte[] ToSliceMask(int slice)
    {
        var mask = new byte[Rows * Columns];
        var runs = _slices[slice];
        for (int i = 0; i < runs.Length; i += 2)
        {
            mask.AsSpan(runs[i], runs[i + 1]).Fill(1);
        }

        return mask;
    }

    /// <summary>
    /// The consensus of several readers' masks by voxel vote: a voxel is in it iff a strict majority of the
    /// masks have it (more than n / 2). A tie (half of an even number of readers) leaves the voxel out, as a
    /// tie leaves a label without consensus; with two readers this is their intersection.
    /// </summary>
    public static MaskVolume Majority(IReadOnlyList<MaskVolume> masks)
    {
        ArgumentNullException.ThrowIfNull(masks);
        if (masks.Count == 0)
        {
            throw new ArgumentException("at least one mask is required", nameof(masks));
        }

        var first = masks[0];
        foreach (var m in masks)
        {
            first.CheckSameSize(m);
        }

        int threshold = (masks.Count / 2) + 1;
        var slices = new int[first.SliceCount][];
        var lists = new int[masks.Count][];
        for (int s = 0; s < slices.Length; s++)
        {
            int nonEmpty = 0;
            for (int m = 0; m < masks.Count; m++)
            {
                lists[m] = masks[m]._slices[s];
                nonEmpty += lists[m].Length > 0 ? 1 : 0;
            }

            slices[s] = nonEmpty < threshold ? [] : RunLength.AtLeast(lists, threshold);
        }

        return new MaskVolume(first.Rows, first.Columns, slices);
    }

    private void CheckSameSize(MaskVolume other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Rows != Rows || other.Columns != Columns || other.SliceCount != SliceCount)
        {
            throw new ArgumentException($"mask sizes differ: {Rows}×{Columns}×{SliceCount} and {other.Rows}×{other.Columns}×{other.SliceCount}", nameof(other));
        }
    }
}
