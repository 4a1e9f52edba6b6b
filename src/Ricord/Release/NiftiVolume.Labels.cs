using Ricord.Annotation.Agreement;

namespace Ricord.Release;

public sealed partial class NiftiVolume
{
    /// <summary>A label map (uint8) over the same grid: label index where that label's mask has the voxel, 0 elsewhere;
    /// where masks overlap the higher index wins.</summary>
    public (NiftiHeader Header, byte[] Voxels) BuildLabelMap(IReadOnlyList<(int Index, MaskVolume Mask)> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        int rows = Volume.Rows, columns = Volume.Columns, plane = rows * columns;
        var voxels = new byte[checked((int)Volume.VoxelCount)];
        foreach (var (index, mask) in labels.OrderBy(l => l.Index))
        {
            for (int k = 0; k < mask.SliceCount; k++)
            {
                var runs = mask.RunsOf(k);
                for (int r = 0; r < runs.Length; r += 2)
                {
                    for (int p = runs[r]; p < runs[r] + runs[r + 1]; p++)
                    {
                        int row = p / columns, column = p % columns;
                        voxels[(k * plane) + ((rows - 1 - row) * columns) + column] = checked((byte)index);
                    }
                }
            }
        }

        return (new NiftiHeader(Dims, NiftiDataType.UInt8, Sform, 1, 0, IsLabelMap: true), voxels);
    }

    /// <summary>The masks a label map holds (one per value present), in DICOM row order: the inverse of <see cref="BuildLabelMap"/>.</summary>
    public List<(int Index, MaskVolume Mask)> MasksOf(byte[] labelMap)
    {
        ArgumentNullException.ThrowIfNull(labelMap);
        int rows = Volume.Rows, columns = Volume.Columns, plane = rows * columns;
        var builders = new Dictionary<int, MaskVolumeBuilder>();
        var slice = new Dictionary<int, byte[]>();
        for (int k = 0; k < Volume.Slices.Count; k++)
        {
            slice.Clear();
            for (int v = 0; v < plane; v++)
            {
                if (labelMap[(k * plane) + v] is var value and > 0)
                {
                    if (!slice.TryGetValue(value, out var mask))
                    {
                        slice[value] = mask = new byte[plane];
                    }

                    mask[((rows - 1 - (v / columns)) * columns) + (v % columns)] = 1;
                }
            }

            foreach (var (value, mask) in slice)
            {
                if (!builders.TryGetValue(value, out var builder))
                {
                    builders[value] = builder = new MaskVolumeBuilder(rows, columns, Volume.Slices.Count);
                }

                builder.AddMask(k, mask);
            }
        }

        return [.. builders.OrderBy(b => b.Key).Select(b => (b.Key, b.Value.Build()))];
    }
}
