using Ricord.Annotation.Agreement;

namespace Ricord.Annotation.Results;

/// <summary>
/// A series' voxel grid as read from its instances' DICOM headers: rows × columns, the instances in geometric
/// order (slice k = <see cref="SopInstanceUids"/>[k]) and the voxel size (Pixel Spacing; slice spacing from the
/// positions along the normal, Slice Thickness for a single slice).
/// </summary>
public sealed record SeriesGrid(string SeriesInstanceUid, int Rows, int Columns, IReadOnlyList<string> SopInstanceUids, VoxelGeometry Geometry)
{
    private readonly Dictionary<string, int> _slices = SopInstanceUids.Select((uid, k) => (uid, k)).ToDictionary(x => x.uid, x => x.k, StringComparer.Ordinal);

    /// <summary>The slice index of an instance, or null when it is not in the volume (another stack, a duplicate, no geometry).</summary>
    public int? SliceOf(string sopInstanceUid) => _slices.TryGetValue(sopInstanceUid, out int k) ? k : null;
}
