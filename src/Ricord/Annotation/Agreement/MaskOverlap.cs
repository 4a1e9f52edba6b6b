namespace Ricord.Annotation.Agreement;

/// <summary>
/// Overlap of two masks of one label: Dice = 2|A∩B| / (|A| + |B|), IoU = |A∩B| / |A∪B|, both volumes in mL and
/// the signed difference A − B. Dice and IoU are NaN when both masks are empty (nothing to agree on), with
/// <see cref="Note"/> saying so; one empty mask against a non-empty one gives 0.
/// </summary>
public sealed record MaskOverlap(
    string ReaderA,
    string ReaderB,
    long VoxelsA,
    long VoxelsB,
    long IntersectionVoxels,
    double Dice,
    double Iou,
    double VolumeAMl,
    double VolumeBMl,
    double VolumeDifferenceMl,
    string? Note = null)
{
    public const string BothEmptyReason = "both masks empty";

    public static MaskOverlap Of(string readerA, MaskVolume a, string readerB, MaskVolume b, VoxelGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(geometry);
        long both = a.IntersectionCount(b), va = a.VoxelCount, vb = b.VoxelCount;
        bool empty = va + vb == 0;
        double dice = empty ? double.NaN : 2.0 * both / (va + vb);
        double iou = empty ? double.NaN : (double)both / (va + vb - both);
        double ma = geometry.VolumeMl(va), mb = geometry.VolumeMl(vb);
        return new MaskOverlap(readerA, readerB, va, vb, both, dice, iou, ma, mb, ma - mb, empty ? BothEmptyReason : null);
    }
}
