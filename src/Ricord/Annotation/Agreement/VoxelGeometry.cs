using Ricord.Dicom.Imaging.Volumes;

namespace Ricord.Annotation.Agreement;

/// <summary>
/// The size of one voxel in mm: row spacing and column spacing (Pixel Spacing) and the slice spacing, the
/// distance between neighbouring slice positions along the normal (not SliceThickness, which can differ
/// from it for overlapping or gapped reconstructions). Volume in mL = rows × columns × slice spacing / 1000.
/// </summary>
public sealed record VoxelGeometry(double RowSpacing, double ColumnSpacing, double SliceSpacing)
{
    public double VoxelVolumeMl => RowSpacing * ColumnSpacing * SliceSpacing / 1000.0;

    public double VolumeMl(long voxels) => voxels * VoxelVolumeMl;

    /// <summary>The geometry of an assembled series (its median spacing of slice positions along the normal).</summary>
    public static VoxelGeometry From(SeriesVolume volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        return new VoxelGeometry(volume.RowSpacing, volume.ColumnSpacing, volume.SliceSpacing);
    }

    /// <summary>
    /// The geometry from slice positions along the normal (mm, any order): the median distance between
    /// neighbouring sorted positions. With fewer than two distinct positions, <paramref name="sliceThickness"/>
    /// is the only information left and is used; without it this throws.
    /// </summary>
    public static VoxelGeometry FromPositions(double rowSpacing, double columnSpacing, IReadOnlyList<double> positions, double? sliceThickness = null)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var sorted = positions.Order().ToArray();
        var gaps = sorted.Zip(sorted.Skip(1), (a, b) => b - a).Where(d => d > 1e-6).Order().ToArray();
        if (gaps.Length > 0)
        {
            double median = gaps.Length % 2 == 1 ? gaps[gaps.Length / 2] : (gaps[(gaps.Length / 2) - 1] + gaps[gaps.Length / 2]) / 2;
            return new VoxelGeometry(rowSpacing, columnSpacing, median);
        }

        return sliceThickness is double t and > 0
            ? new VoxelGeometry(rowSpacing, columnSpacing, t)
            : throw new ArgumentException("one slice position and no slice thickness: the slice spacing is unknown", nameof(positions));
    }
}
