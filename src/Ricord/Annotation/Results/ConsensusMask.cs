using Ricord.Annotation.Agreement;

namespace Ricord.Annotation.Results;

/// <summary>The majority-vote consensus of the readers' masks of one label on one series (a voxel is in it when more
/// than half of the readers drew it); slice k of <see cref="Mask"/> is the instance <see cref="SopInstanceUids"/>[k].</summary>
public sealed record ConsensusMask(
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string Label,
    IReadOnlyList<string> SopInstanceUids,
    VoxelGeometry Geometry,
    MaskVolume Mask);
